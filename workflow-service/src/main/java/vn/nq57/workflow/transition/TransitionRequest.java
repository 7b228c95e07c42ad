package vn.nq57.workflow.transition;

import org.jspecify.annotations.Nullable;

/**
 * The body of a transition request.
 *
 * @param message optional for submit, recall and approve; the required reason for a
 * return; at most 2000 characters
 */
record TransitionRequest(@Nullable String message) {
}
