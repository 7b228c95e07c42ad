package vn.nq57.workflow.transition;

import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /api/workflow/reports/{id}/forwarding}.
 *
 * @param action the chosen step, one of the {@code options[].action} offered
 * @param message the message to the recipient; the reason, required, for a return; at
 * most 2000 characters
 */
record ForwardingRequest(@Nullable String action, @Nullable String message) {
}
