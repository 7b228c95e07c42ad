package vn.nq57.workflow.transition;

import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /api/workflow/reports/{id}/extension}. Fields arrive as text so
 * that a malformed one is refused naming it.
 *
 * @param closesOn the new close date, ISO ({@code 2025-07-02}), after the period's close
 * date and not in the past
 * @param reason why, required, at most 1000 characters
 * @param requestId a UUID the client makes once per grant: a retry with the same id is
 * answered with the same grant, never applied twice
 */
record ExtensionRequest(@Nullable String closesOn, @Nullable String reason, @Nullable String requestId) {
}
