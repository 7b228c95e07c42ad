/**
 * What export-service reads from report-service, with the user's own token.
 */
@NullMarked
package vn.nq57.export.report;

import org.jspecify.annotations.NullMarked;
