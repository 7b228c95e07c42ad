package vn.nq57.file.attachment;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

import vn.nq57.contracts.ReportState;
import vn.nq57.file.FileServiceTestBase;
import vn.nq57.testsupport.TestAccount;
import vn.nq57.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

/**
 * The per-unit quota ({@code nq57.files.unit-quota}, 700 KB in the tests) and the limits
 * the upload form shows. Each test uses a unit of its own, so the other tests' files do
 * not count against it.
 */
class UnitQuotaTests extends FileServiceTestBase {

	private static final String PROVINCE = TestAccount.AN_GIANG;

	private static final int KB = 1024;

	private final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void uploadWhenUnitQuotaWouldBePassedThenRefusesNamingFileAndQuotaAndStoresNothing() throws Exception {
		TestAccount commune = TestAccount.dataEntry("30961", PROVINCE);
		UUID first = reportService.report("30961", PROVINCE, ReportState.ENTERING, true);
		UUID second = reportService.report("30961", PROVINCE, ReportState.ENTERING, true);
		assertThat(upload(commune, first, "ảnh-1.pdf", pdf(250 * KB)).getResponse().getStatus()).isEqualTo(201);
		assertThat(upload(commune, first, "ảnh-2.pdf", pdf(250 * KB)).getResponse().getStatus()).isEqualTo(201);

		MvcResult refused = upload(commune, second, "biên bản.pdf", pdf(250 * KB));

		assertThat(refused.getResponse().getStatus()).isEqualTo(409);
		JsonNode problem = body(refused);
		assertThat(problem.path("code").asString()).isEqualTo("FIL-012");
		assertThat(problem.path("detail").asString()).contains("\"biên bản.pdf\"")
			.contains("(0.2 MB)")
			.contains("đã dùng 0.5 MB")
			.contains("hạn mức 0.7 MB");
		assertThat(count("attachment where report_id = '" + second + "'")).isZero();
		assertThat(count("upload_in_progress where unit_code = '30961'")).isZero();
	}

	@Test
	void uploadWhenOtherUnitsFilledTheirQuotaThenStillAccepted() throws Exception {
		TestAccount full = TestAccount.dataEntry("30962", PROVINCE);
		UUID fullReport = reportService.report("30962", PROVINCE, ReportState.ENTERING, true);
		upload(full, fullReport, "a.pdf", pdf(250 * KB));
		upload(full, fullReport, "b.pdf", pdf(250 * KB));
		TestAccount other = TestAccount.dataEntry("30963", PROVINCE);
		UUID otherReport = reportService.report("30963", PROVINCE, ReportState.ENTERING, true);

		MvcResult accepted = upload(other, otherReport, "c.pdf", pdf(250 * KB));

		assertThat(accepted.getResponse().getStatus()).isEqualTo(201);
	}

	@Test
	void uploadWhenFilesWereRemovedThenTheirSpaceIsFreeAgain() throws Exception {
		TestAccount commune = TestAccount.dataEntry("30964", PROVINCE);
		UUID report = reportService.report("30964", PROVINCE, ReportState.ENTERING, true);
		upload(commune, report, "a.pdf", pdf(250 * KB));
		String second = body(upload(commune, report, "b.pdf", pdf(250 * KB))).path("id").asString();
		assertThat(upload(commune, report, "c.pdf", pdf(250 * KB)).getResponse().getStatus()).isEqualTo(409);

		assertThat(perform(delete("/api/files/attachments/{id}", second), commune).getResponse().getStatus())
			.isEqualTo(204);

		assertThat(upload(commune, report, "c.pdf", pdf(250 * KB)).getResponse().getStatus()).isEqualTo(201);
	}

	@Test
	void limitsWhenCommuneThenShowsEveryLimitAndTheSpaceItsUnitUses() throws Exception {
		TestAccount commune = TestAccount.dataEntry("30965", PROVINCE);
		UUID report = reportService.report("30965", PROVINCE, ReportState.ENTERING, true);
		upload(commune, report, "a.pdf", pdf(100 * KB));

		JsonNode limits = body(perform(get("/api/files/limits"), commune));

		assertThat(limits.path("maxFileSizeBytes").asLong()).isEqualTo(256 * KB);
		assertThat(limits.path("maxFilesPerReport").asInt()).isEqualTo(3);
		assertThat(limits.path("unitQuotaBytes").asLong()).isEqualTo(700 * KB);
		assertThat(limits.path("unitUsedBytes").asLong()).isEqualTo(100 * KB);
		assertThat(limits.path("allowedKinds").toString()).contains("PDF", "DOCX", "XLSX", "JPEG");
	}

	@Test
	void limitsWhenProvinceThenShowsTheLimitsWithoutUsedSpace() throws Exception {
		JsonNode limits = body(perform(get("/api/files/limits"), TestAccount.provinceSupervisor(PROVINCE)));

		assertThat(limits.path("unitQuotaBytes").asLong()).isEqualTo(700 * KB);
		assertThat(limits.path("unitUsedBytes").isNull()).isTrue();
	}

	private static byte[] pdf(int size) {
		byte[] head = "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII);
		byte[] pdf = new byte[size];
		java.util.Arrays.fill(pdf, (byte) ' ');
		System.arraycopy(head, 0, pdf, 0, head.length);
		return pdf;
	}

	private int count(String fromWhere) {
		return this.jdbc.sql("select count(*) from " + fromWhere).query(Integer.class).single();
	}

	private MvcResult upload(TestAccount account, UUID reportId, String fileName, byte[] content) throws Exception {
		return perform(multipart("/api/files/reports/{id}/attachments", reportId)
			.file(new MockMultipartFile("file", fileName, "application/pdf", content)), account);
	}

	private MvcResult perform(AbstractMockHttpServletRequestBuilder<?> request, TestAccount account) throws Exception {
		return this.mvc.perform(request.header("Authorization", "Bearer " + TestTokens.token(account))).andReturn();
	}

	private JsonNode body(MvcResult result) throws Exception {
		return this.json.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
	}

}
