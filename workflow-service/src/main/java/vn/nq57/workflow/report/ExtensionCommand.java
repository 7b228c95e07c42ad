package vn.nq57.workflow.report;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The body of {@code POST /internal/reports/{id}/extension}; report-service applies it
 * once per {@code requestId}.
 *
 * @param requestId the id of the grant, stable across re-sends
 * @param closesOn the new close date of the report
 * @param reason why, as the province wrote it
 * @param grantedBy the sign-in name of the granting account
 */
public record ExtensionCommand(UUID requestId, LocalDate closesOn, String reason, String grantedBy) {
}
