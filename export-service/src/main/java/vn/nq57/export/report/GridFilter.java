package vn.nq57.export.report;

import org.jspecify.annotations.Nullable;

/**
 * The grid filters a user chose on screen, passed to report-service unchanged so the
 * workbook holds what the user sees.
 *
 * @param state a state code, or null for all
 * @param q a search text over unit names, or null
 * @param province a province code (the centre only), or null
 * @param sort a sort expression, or null for report-service's default order
 */
public record GridFilter(@Nullable String state, @Nullable String q, @Nullable String province, @Nullable String sort) {
}
