package vn.nq57.workflow.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * A period open now, from {@code GET /internal/periods/open}.
 *
 * @param id the period id
 * @param templateCode its template
 * @param templateName the template's Vietnamese name
 * @param kindLabel "Ngày", "Tuần" or "Tháng"
 * @param label for example "Ngày 30/06/2025"
 * @param opensOn the open date
 * @param closesOn the close date (Ngày đóng)
 * @param closesAt the close instant: the end of the close date in Vietnam
 * @param reminders how long before {@code closesAt} the template reminds, ISO-8601
 * durations such as {@code PT6H}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OpenPeriod(UUID id, String templateCode, @Nullable String templateName, @Nullable String kindLabel,
		String label, @Nullable LocalDate opensOn, LocalDate closesOn, Instant closesAt,
		@Nullable List<String> reminders) {
}
