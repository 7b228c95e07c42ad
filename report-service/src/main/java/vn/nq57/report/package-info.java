/**
 * report-service.
 */
@NullMarked
package vn.nq57.report;

import org.jspecify.annotations.NullMarked;
