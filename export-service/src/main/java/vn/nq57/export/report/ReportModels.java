package vn.nq57.export.report;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * The parts of report-service's answers export-service reads (docs/design.md). Unknown
 * properties are ignored, and the grid row accepts the likely spellings of its unit
 * fields, so report-service can grow its API without breaking exports.
 */
public final class ReportModels {

	private ReportModels() {
	}

	/**
	 * {@code GET /api/reports/{id}}.
	 *
	 * @param id the report
	 * @param template its template with the columns
	 * @param period its period
	 * @param unit the reporting unit
	 * @param state the state code
	 * @param stateLabel the state in Vietnamese
	 * @param version the data version (optimistic lock), if told
	 * @param values the entered values by column letter
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record ReportView(UUID id, Template template, Period period, Unit unit, @Nullable String state,
			@Nullable String stateLabel, @Nullable Long version, @Nullable Map<String, @Nullable Object> values) {
	}

	/**
	 * A report template.
	 *
	 * @param code the template code
	 * @param name the Vietnamese name, for example "Báo cáo hàng ngày cấp Xã"
	 * @param version the template version
	 * @param columns the columns B–R in order
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Template(@Nullable String code, String name, int version, @Nullable List<Column> columns) {
	}

	/**
	 * One column of a template.
	 *
	 * @param letter the column letter
	 * @param label the Vietnamese label
	 * @param kind {@code CHOICE}, {@code TEXT}, {@code LINK}, {@code NUMBER} or
	 * {@code DATE}
	 * @param options the allowed values of a {@code CHOICE} column, in order
	 * @param required whether the column must be filled before submitting
	 * @param filledBy {@code UNIT} or {@code PROVINCE}
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Column(String letter, String label, @Nullable String kind, @Nullable List<String> options,
			boolean required, @Nullable String filledBy) {

		/**
		 * The options without blanks, in order.
		 * @return the options, empty if none
		 */
		public List<String> choices() {
			return (this.options != null)
					? this.options.stream().filter((o) -> o != null && !o.isBlank()).distinct().toList() : List.of();
		}

	}

	/**
	 * A reporting period; dates are ISO {@code yyyy-MM-dd}.
	 *
	 * @param id the period
	 * @param kind the period kind, for example {@code DAY}
	 * @param label the Vietnamese label, for example "Ngày 03/12/2026"
	 * @param start the first day
	 * @param end the last day
	 * @param openDate when entry opens
	 * @param closeDate when entry closes
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Period(@Nullable UUID id, @Nullable String kind, @Nullable String label, @Nullable String start,
			@Nullable String end, @Nullable String openDate, @Nullable String closeDate) {
	}

	/**
	 * A reporting unit.
	 *
	 * @param code the unit code
	 * @param name the unit's name
	 * @param provinceCode its province
	 * @param provinceName the province's name
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Unit(String code, @Nullable String name, @Nullable String provinceCode,
			@Nullable String provinceName) {
	}

	/**
	 * One page of {@code GET /api/periods/{periodId}/reports}.
	 *
	 * @param items the rows ({@code content} in Spring Data's shape)
	 * @param totalPages how many pages there are, if told
	 * @param last whether this is the last page, if told
	 * @param page the page number, or Spring Data's nested page metadata
	 * @param period the period, if the grid carries it
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record GridPage(@JsonAlias("content") @Nullable List<GridRow> items, @Nullable Integer totalPages,
			@Nullable Boolean last, @Nullable Object page, @Nullable Period period, @Nullable Long totalElements) {

		/**
		 * A page without the total count, as older report-service answers look.
		 * @param items the rows
		 * @param totalPages the page count
		 * @param last whether it is the last page
		 * @param page the page number or metadata
		 * @param period the period
		 */
		public GridPage(@Nullable List<GridRow> items, @Nullable Integer totalPages, @Nullable Boolean last,
				@Nullable Object page, @Nullable Period period) {
			this(items, totalPages, last, page, period, null);
		}

		/**
		 * The number of pages, from whichever shape the page has.
		 * @return the count, or null if not told
		 */
		public @Nullable Integer pageCount() {
			if (this.totalPages != null) {
				return this.totalPages;
			}
			if (this.page instanceof Map<?, ?> nested && nested.get("totalPages") instanceof Number count) {
				return count.intValue();
			}
			return null;
		}

	}

	/**
	 * One row of the grid: a unit's report.
	 *
	 * @param reportId the report
	 * @param unit the unit, if nested
	 * @param unitCode the unit code, if flat
	 * @param unitName the unit name, if flat
	 * @param provinceCode the province code, if flat
	 * @param provinceName the province name, if flat
	 * @param state the state code
	 * @param stateLabel the state in Vietnamese
	 * @param version the report's data version, if the grid carries it
	 * @param values the entered values by column letter, if the grid carries them
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record GridRow(@JsonAlias("id") UUID reportId, @Nullable Unit unit, @Nullable String unitCode,
			@Nullable String unitName, @Nullable String provinceCode, @Nullable String provinceName,
			@Nullable String state, @Nullable String stateLabel, @Nullable Long version,
			@Nullable Map<String, @Nullable Object> values) {

		/**
		 * The unit's display name, from whichever shape the row has.
		 * @return the name, or the code if no name is given
		 */
		public String displayUnitName() {
			if (this.unit != null) {
				return (this.unit.name() != null) ? this.unit.name() : this.unit.code();
			}
			if (this.unitName != null) {
				return this.unitName;
			}
			return (this.unitCode != null) ? this.unitCode : "";
		}

		/**
		 * The province's display name, if known.
		 * @return the name, or null
		 */
		public @Nullable String displayProvinceName() {
			return (this.unit != null) ? this.unit.provinceName() : this.provinceName;
		}

	}

	/**
	 * One item of {@code POST /api/reports/batch/check|save} (CONTRACTS.md C1).
	 *
	 * @param reportId the report id
	 * @param version the data version the values were edited from
	 * @param values the values by column letter; null or blank clears
	 */
	public record BatchItem(String reportId, @Nullable Long version, Map<String, @Nullable String> values) {
	}

	/**
	 * A problem of one batch item.
	 *
	 * @param field the column letter, or null for the whole item
	 * @param code {@code RPT-001} not found or outside the scope, {@code RPT-004} invalid
	 * value, {@code RPT-005} stale version
	 * @param message the Vietnamese explanation
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record ItemError(@Nullable String field, @Nullable String code, @Nullable String message) {
	}

	/**
	 * A value a save would change.
	 *
	 * @param field the column letter
	 * @param before the stored value
	 * @param after the canonical new value
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record FieldChange(String field, @Nullable String before, @Nullable String after) {
	}

	/**
	 * The check of one item; nothing written.
	 *
	 * @param reportId the report id as sent
	 * @param unitCode the report's unit, null when not found
	 * @param valid whether a save would be accepted
	 * @param currentVersion the stored version
	 * @param errors the problems
	 * @param changes the fields whose value would change
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record CheckResult(String reportId, @Nullable String unitCode, boolean valid, @Nullable Long currentVersion,
			@Nullable List<ItemError> errors, @Nullable List<FieldChange> changes) {
	}

	/**
	 * The save of one item.
	 *
	 * @param reportId the report id as sent
	 * @param saved whether the values were accepted
	 * @param version the version after the save
	 * @param changed whether a value changed
	 * @param errors the problems
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record SaveResult(String reportId, boolean saved, @Nullable Long version, boolean changed,
			@Nullable List<ItemError> errors) {
	}

	/**
	 * The body of a batch call.
	 *
	 * @param items the items
	 */
	public record BatchRequest(List<BatchItem> items) {
	}

	/**
	 * The answer of {@code /batch/check}.
	 *
	 * @param items one result per item, in request order
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record CheckResponse(@Nullable List<CheckResult> items) {
	}

	/**
	 * The answer of {@code /batch/save}.
	 *
	 * @param items one result per item, in request order
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record SaveResponse(@Nullable List<SaveResult> items) {
	}

}
