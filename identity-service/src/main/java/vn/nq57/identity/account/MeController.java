package vn.nq57.identity.account;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.nq57.common.security.CurrentUser;
import vn.nq57.common.web.ApiException;
import vn.nq57.contracts.UnitLevel;
import vn.nq57.identity.IdentityError;
import vn.nq57.identity.unit.Unit;
import vn.nq57.identity.unit.UnitRepository;

/**
 * Who the caller is: the account of the access token with its unit and province.
 */
@RestController
class MeController {

	private final AccountRepository accounts;

	private final UnitRepository units;

	MeController(AccountRepository accounts, UnitRepository units) {
		this.accounts = accounts;
		this.units = units;
	}

	@GetMapping("/api/me")
	MeView me(CurrentUser user) {
		Account account = this.accounts.findById(user.accountId())
			.filter(Account::enabled)
			.orElseThrow(() -> new ApiException(IdentityError.ACCOUNT_NOT_FOUND));

		Unit unit = this.units.find(account.unitCode())
			.orElseThrow(() -> new ApiException(IdentityError.ACCOUNT_NOT_FOUND));
		Unit province = (unit.provinceCode() != null) ? this.units.find(unit.provinceCode()).orElse(null) : null;

		UnitSummary summary = new UnitSummary(unit.code(), unit.name(), unit.level(), unit.provinceCode(),
				(province != null) ? province.name() : null);
		return new MeView(account.id().toString(), account.username(), summary, List.of(account.role().name()));
	}

	/**
	 * The caller's account.
	 *
	 * @param accountId the account id
	 * @param username the sign-in name
	 * @param unit the unit it acts for
	 * @param roles its roles
	 */
	record MeView(String accountId, String username, UnitSummary unit, List<String> roles) {
	}

	/**
	 * The caller's unit.
	 *
	 * @param code the unit code
	 * @param name the official name
	 * @param level the level
	 * @param provinceCode the province; {@code null} for the centre
	 * @param provinceName the province's name; {@code null} for the centre
	 */
	record UnitSummary(String code, String name, UnitLevel level, @Nullable String provinceCode,
			@Nullable String provinceName) {
	}

}
