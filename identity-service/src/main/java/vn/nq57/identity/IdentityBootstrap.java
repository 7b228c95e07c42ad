package vn.nq57.identity;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

import vn.nq57.identity.account.AccountProvisioner;
import vn.nq57.identity.unit.UnitRegistry;

/**
 * On start, before the service reports itself ready: loads the official unit list, then
 * issues the accounts of every unit. Both steps are idempotent and serialised across
 * replicas by PostgreSQL advisory locks.
 */
@Component
class IdentityBootstrap implements ApplicationRunner {

	private final UnitRegistry units;

	private final AccountProvisioner accounts;

	IdentityBootstrap(UnitRegistry units, AccountProvisioner accounts) {
		this.units = units;
		this.accounts = accounts;
	}

	@Override
	public void run(ApplicationArguments args) {
		this.units.load();
		this.accounts.provision();
	}

}
