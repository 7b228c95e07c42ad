/**
 * Applying the public events to the read model: idempotent, replayable, ordered per
 * report.
 */
@NullMarked
package vn.nq57.dashboard.events;

import org.jspecify.annotations.NullMarked;
