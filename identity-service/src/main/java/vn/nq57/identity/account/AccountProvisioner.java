package vn.nq57.identity.account;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.nq57.common.outbox.OutboxWriter;
import vn.nq57.contracts.Role;
import vn.nq57.contracts.identity.AccountProvisioned;
import vn.nq57.identity.IdentityProperties;
import vn.nq57.identity.cccd.CccdNumber;
import vn.nq57.identity.cccd.CccdProtector;
import vn.nq57.identity.unit.Unit;
import vn.nq57.identity.unit.UnitRepository;

/**
 * Issues every active unit its accounts (docs/design.md): {@code <code>_01} data entry
 * and {@code <code>_02} leader for a commune, {@code tinh_<code>} supervisor for a
 * province, {@code trunguong} administrator for the centre. Idempotent: existing accounts
 * are left as they are, each new one is announced with {@link AccountProvisioned}.
 * Accounts of units the official list no longer holds are disabled.
 * <p>
 * Passwords: in demo mode every account without a password gets the demo password, hashed
 * once for all of them (bcrypt per account would take minutes for 6,677 accounts).
 * Outside demo mode new accounts have no usable password and cannot sign in until a
 * one-time password is issued to them (vn.nq57.identity.admin.BulkProvisioning).
 */
@Service
public class AccountProvisioner {

	/** The centre's administrator account. */
	static final String CENTRE_USERNAME = "trunguong";

	private static final Logger logger = LoggerFactory.getLogger(AccountProvisioner.class);

	private final AccountRepository accounts;

	private final UnitRepository units;

	private final OutboxWriter outbox;

	private final PasswordEncoder passwordEncoder;

	private final IdentityProperties properties;

	private final CccdProtector cccdProtector;

	AccountProvisioner(AccountRepository accounts, UnitRepository units, OutboxWriter outbox,
			PasswordEncoder passwordEncoder, IdentityProperties properties, CccdProtector cccdProtector) {
		this.cccdProtector = cccdProtector;
		this.accounts = accounts;
		this.units = units;
		this.outbox = outbox;
		this.passwordEncoder = passwordEncoder;
		this.properties = properties;
	}

	/**
	 * Creates the missing accounts of every active unit.
	 * @return how many accounts were created
	 */
	@Transactional
	public int provision() {
		long started = System.nanoTime();
		boolean demo = this.properties.demo().enabled();
		@Nullable String demoHash = demo ? this.passwordEncoder.encode(this.properties.demo().password()) : null;

		this.accounts.lockForProvisioning();
		Set<String> existing = this.accounts.findAllUsernames();
		List<Account> created = new ArrayList<>();
		for (Unit unit : this.units.findAllActive()) {
			for (Issued issued : accountsOf(unit)) {
				if (!existing.contains(issued.username())) {
					created.add(new Account(UUID.randomUUID(), issued.username(), unit.code(), issued.role(), demoHash,
							true, !demo));
				}
			}
		}

		this.accounts.insertAll(created);
		this.outbox.publishAll(created.stream()
			.map((account) -> new AccountProvisioned(account.id(), account.username(), account.unitCode(),
					account.role()))
			.toList());
		int disabled = this.accounts.disableAccountsOfInactiveUnits();
		int demoPasswords = (demoHash != null) ? this.accounts.setPasswordWhereMissing(demoHash) : 0;

		logger.info(
				"Accounts provisioned in {} ms: {} created, {} disabled with their unit, {} given the demo password",
				(System.nanoTime() - started) / 1_000_000, created.size(), disabled, demoPasswords);
		if (demo) {
			linkDemoCccds();
			logger.warn(
					"Demo mode is on: every account shares the demo password. Never enable it outside a local stack.");
		}
		return created.size();
	}

	private void linkDemoCccds() {
		this.properties.demo().cccd().forEach((username, number) -> {
			String name = AccountDirectory.normalise(username);
			String normalised = CccdNumber.normalise(number);
			String fingerprint = this.cccdProtector.fingerprint(normalised);
			boolean linked = this.accounts.findSetupState(name).map(SetupState::cccdLinked).orElse(true);
			if (!linked && !this.accounts.isCccdLinkedElsewhere(fingerprint, name)) {
				this.accounts.linkCccd(name, fingerprint, this.cccdProtector.encrypt(normalised));
				logger.info("Demo mode: account {} linked to its configured demo CCCD", name);
			}
		});
	}

	private static List<Issued> accountsOf(Unit unit) {
		return switch (unit.level()) {
			case COMMUNE ->
				List.of(new Issued(unit.code() + "_01", Role.DATA_ENTRY), new Issued(unit.code() + "_02", Role.LEADER));
			case PROVINCE -> List.of(new Issued("tinh_" + unit.code(), Role.PROVINCE_SUPERVISOR));
			case CENTRAL -> List.of(new Issued(CENTRE_USERNAME, Role.ADMIN));
		};
	}

	private record Issued(String username, Role role) {
	}

}
