package vn.nq57.workflow.transition;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import vn.nq57.contracts.ReportState;
import vn.nq57.contracts.Role;
import vn.nq57.workflow.report.ExtensionCommand;

/**
 * An extension recorded before report-service is told about it: everything needed to
 * re-send and complete it, after a crash too.
 *
 * @param id the client's requestId, also the idempotency key at report-service
 * @param reportId the report
 * @param closesOn the new close date
 * @param reason the normalised reason
 * @param actorAccountId the granting account
 * @param actorUsername its sign-in name
 * @param actorDisplayName the person behind the account, when the token names them
 * @param actorRole the role it acts in
 * @param reportState the report's state when it was granted
 * @param createdAt when it was recorded
 */
record PendingExtension(UUID id, UUID reportId, LocalDate closesOn, String reason, UUID actorAccountId,
		String actorUsername, @Nullable String actorDisplayName, Role actorRole, ReportState reportState,
		Instant createdAt) {

	ExtensionCommand command() {
		return new ExtensionCommand(this.id, this.closesOn, this.reason, this.actorUsername);
	}

	/** Whether a repeated request asks for the same grant. */
	boolean sameGrant(UUID otherReportId, LocalDate otherClosesOn, String otherReason, UUID accountId) {
		return this.reportId.equals(otherReportId) && this.closesOn.equals(otherClosesOn)
				&& this.reason.equals(otherReason) && this.actorAccountId.equals(accountId);
	}

}
