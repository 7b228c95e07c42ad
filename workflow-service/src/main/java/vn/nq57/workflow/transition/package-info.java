/**
 * Transitions of a report along its approval chain (submit, recall, approve, return), the
 * saga that carries them to report-service, and the history users read.
 */
@NullMarked
package vn.nq57.workflow.transition;

import org.jspecify.annotations.NullMarked;
