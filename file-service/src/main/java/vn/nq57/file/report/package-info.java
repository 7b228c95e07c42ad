/**
 * What file-service asks report-service about a report, with the user's own token.
 */
@NullMarked
package vn.nq57.file.report;

import org.jspecify.annotations.NullMarked;
