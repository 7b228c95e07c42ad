/**
 * The client of report-service's internal API: the facts of a report and the transition
 * of its state copy.
 */
@NullMarked
package vn.nq57.workflow.report;

import org.jspecify.annotations.NullMarked;
