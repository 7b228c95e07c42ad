package vn.nq57.identity.unit;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.nq57.common.security.CurrentUser;
import vn.nq57.common.web.ApiException;
import vn.nq57.common.web.FieldProblem;
import vn.nq57.contracts.UnitLevel;
import vn.nq57.identity.IdentityError;

/**
 * The units within the caller's scope: a commune sees itself, a province itself and its
 * communes, the centre everything (or one province with {@code province=}).
 */
@RestController
@RequestMapping("/api/units")
class UnitController {

	private static final Pattern PROVINCE_CODE = Pattern.compile("\\d{2}");

	private final UnitRepository units;

	UnitController(UnitRepository units) {
		this.units = units;
	}

	@GetMapping
	List<UnitView> units(CurrentUser user,
			@RequestParam(name = "province", required = false) @Nullable String province) {
		if (province != null && !PROVINCE_CODE.matcher(province).matches()) {
			throw refusal(IdentityError.PROVINCE_MALFORMED, province);
		}
		if (province != null && user.unitLevel() != UnitLevel.CENTRAL
				&& !Objects.equals(province, user.provinceCode())) {
			throw refusal(IdentityError.PROVINCE_OUT_OF_SCOPE, String.valueOf(user.provinceCode()));
		}

		List<Unit> found = switch (user.unitLevel()) {
			case COMMUNE -> this.units.find(user.unitCode()).stream().toList();
			case PROVINCE -> this.units.findActiveInProvince(user.unitCode());
			case CENTRAL -> (province != null) ? provinceOrRefuse(province) : this.units.findAllActive();
		};

		return found.stream().map(UnitView::of).toList();
	}

	private List<Unit> provinceOrRefuse(String province) {
		List<Unit> found = this.units.findActiveInProvince(province);
		if (found.isEmpty()) {
			throw refusal(IdentityError.PROVINCE_NOT_FOUND, province);
		}
		return found;
	}

	private static ApiException refusal(IdentityError error, String argument) {
		return new ApiException(error, List.of(new FieldProblem("province", error.message().formatted(argument))),
				argument);
	}

	/**
	 * One unit as the API shows it.
	 *
	 * @param code the unit code
	 * @param name the official name
	 * @param type the kind of unit (xã, phường, đặc khu, tỉnh, thành phố trung ương,
	 * trung ương)
	 * @param level the level
	 * @param provinceCode the province; {@code null} for the centre
	 * @param active whether the unit is in the current official list
	 */
	record UnitView(String code, String name, String type, UnitLevel level, @Nullable String provinceCode,
			boolean active) {

		static UnitView of(Unit unit) {
			return new UnitView(unit.code(), unit.name(), unit.unitType(), unit.level(), unit.provinceCode(),
					unit.active());
		}

	}

}
