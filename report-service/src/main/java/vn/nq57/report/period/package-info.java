/**
 * report-service: reporting periods computed in Vietnam time, opened with every active
 * unit's report.
 */
@NullMarked
package vn.nq57.report.period;

import org.jspecify.annotations.NullMarked;
