package vn.nq57.workflow.transition;

import org.jspecify.annotations.Nullable;

/**
 * Whose report it is, as recorded when workflow-service first acted on it.
 *
 * @param unitCode the reporting unit
 * @param provinceCode the unit's province
 */
record ReportScope(String unitCode, @Nullable String provinceCode) {
}
