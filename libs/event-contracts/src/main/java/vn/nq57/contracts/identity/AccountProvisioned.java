package vn.nq57.contracts.identity;

import java.util.UUID;

import vn.nq57.contracts.Nq57Event;
import vn.nq57.contracts.Role;

/**
 * An account was created for a unit. Carries no personal data and no credential.
 *
 * @param accountId the account id
 * @param username the sign-in name, for example {@code 30943_01}
 * @param unitCode the unit the account acts for
 * @param role what the account may do
 */
public record AccountProvisioned(UUID accountId, String username, String unitCode, Role role) implements Nq57Event {

	/** The CloudEvents type of this event. */
	public static final String TYPE = "vn.nq57.identity.account-provisioned.v1";

	@Override
	public String type() {
		return TYPE;
	}

	@Override
	public String subject() {
		return this.accountId.toString();
	}

	@Override
	public String partitionKey() {
		return this.unitCode;
	}

}
