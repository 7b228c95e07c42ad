/**
 * report-service: report data: reads, validated saves, my-work, grids and the internal
 * transition API.
 */
@NullMarked
package vn.nq57.report.report;

import org.jspecify.annotations.NullMarked;
