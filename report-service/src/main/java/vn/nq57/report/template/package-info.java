/**
 * report-service: report templates as data: versions, lettered columns, options and who
 * fills them.
 */
@NullMarked
package vn.nq57.report.template;

import org.jspecify.annotations.NullMarked;
