package vn.nq57.report.report;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The body of {@code PUT /api/reports/{id}/values}.
 *
 * @param version the report version the user edited (optimistic lock); required
 * @param values the values to set by column letter; {@code null} or blank clears a
 * column, absent columns stay as they are
 */
record SaveValuesRequest(@Nullable Long version, @Nullable Map<String, @Nullable String> values) {
}
