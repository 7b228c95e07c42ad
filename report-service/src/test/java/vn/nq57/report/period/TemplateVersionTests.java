package vn.nq57.report.period;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import vn.nq57.report.ReportServiceTestBase;
import vn.nq57.report.TestApi.Response;
import vn.nq57.testsupport.TestAccount;
import vn.nq57.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

class TemplateVersionTests extends ReportServiceTestBase {

	@Autowired
	PeriodOpener opener;

	@Test
	void openWhenTemplateGotANewVersionThenNewReportsUseItAndOpenedOnesKeepTheirs() {
		LocalDate day = LocalDate.of(2025, 10, 1);
		String dataEntry = TestTokens.bearer(TestAccount.dataEntry("30388", "91"));
		publishVersionTwoWithExtraNetworkOption();
		try {
			this.opener.open("BC_NGAY_XA", PeriodDates.daily(day));
		}
		finally {
			this.jdbc.sql("update template set current_version = 1 where code = 'BC_NGAY_XA'").update();
		}
		UUID oldReport = reportId("30388", DAY_30_06);
		UUID newReport = reportId("30388", day);

		JsonNode oldView = this.api.get("/api/reports/" + oldReport, dataEntry).json();
		JsonNode newView = this.api.get("/api/reports/" + newReport, dataEntry).json();
		Response oldSave = save(oldReport, dataEntry);
		Response newSave = save(newReport, dataEntry);

		assertThat(oldView.path("template").path("version").asInt()).isEqualTo(1);
		assertThat(newView.path("template").path("version").asInt()).isEqualTo(2);
		assertThat(newView.path("template").path("columns").get(2).path("options").get(0).asString())
			.isEqualTo("Rất tốt");
		assertThat(oldSave.status()).isEqualTo(422);
		assertThat(oldSave.json().path("errors").get(0).path("message").asString())
			.isEqualTo("Cột D (Hạ tầng mạng): \"Rất tốt\" không thuộc danh sách: Tốt, Tạm được, Yếu, Không ổn định.");
		assertThat(newSave.status()).isEqualTo(200);
		assertThat(newSave.json().path("values").path("D").asString()).isEqualTo("Rất tốt");
	}

	private Response save(UUID reportId, String token) {
		return this.api.put("/api/reports/" + reportId + "/values", token,
				Map.of("version", 0, "values", Map.of("D", "Rất tốt")));
	}

	private void publishVersionTwoWithExtraNetworkOption() {
		this.jdbc.sql("insert into template_version (template_code, version) values ('BC_NGAY_XA', 2)").update();
		this.jdbc.sql("""
				insert into template_column (template_code, version, letter, position, label, kind, options, required,
				                             filled_by, help, max_length, personal_data)
				select template_code, 2, letter, position, label, kind,
				       case when letter = 'D' then '["Rất tốt", "Tốt", "Tạm được", "Yếu", "Không ổn định"]'::jsonb
				            else options end,
				       required, filled_by, help, max_length, personal_data
				from template_column where template_code = 'BC_NGAY_XA' and version = 1
				""").update();
		this.jdbc.sql("update template set current_version = 2 where code = 'BC_NGAY_XA'").update();
	}

}
