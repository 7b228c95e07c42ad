package vn.nq57.report.report;

import org.jspecify.annotations.Nullable;

/**
 * One field's value before and after a change; {@code null} means empty.
 *
 * @param field the column letter
 * @param before the value before
 * @param after the value after
 */
record FieldChange(String field, @Nullable String before, @Nullable String after) {
}
