package vn.nq57.file.attachment;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.web.server.LocalServerPort;

import vn.nq57.contracts.ReportState;
import vn.nq57.file.FileServiceTestBase;
import vn.nq57.testsupport.TestAccount;
import vn.nq57.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Uploads through the servlet container's multipart parsing, as browsers do, rather than
 * MockMvc's ready-made parts.
 */
class AttachmentHttpTests extends FileServiceTestBase {

	private static final TestAccount DATA_ENTRY = TestAccount.dataEntry(TestAccount.LONG_THANH, TestAccount.AN_GIANG);

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	private int port;

	@Test
	void uploadOverHttpWhenBrowserSendsUtf8NameThenStoresTheNameAndTheExactBytes() throws Exception {
		UUID reportId = reportService.report(TestAccount.LONG_THANH, TestAccount.AN_GIANG, ReportState.ENTERING, true);
		byte[] pdf = pdf(100 * 1024);

		HttpResponse<String> response = upload(reportId, "Biên bản kiểm tra thiết bị.pdf", pdf);

		assertThat(response.statusCode()).isEqualTo(201);
		JsonNode body = this.json.readTree(response.body());
		assertThat(body.path("fileName").asString()).isEqualTo("Biên bản kiểm tra thiết bị.pdf");
		assertThat(body.path("size").asLong()).isEqualTo(pdf.length);
		assertThat(body.path("sha256").asString())
			.isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf)));
		HttpResponse<byte[]> download = this.http.send(HttpRequest
			.newBuilder(URI.create(base() + "/api/files/attachments/" + body.path("id").asString() + "/content"))
			.header("Authorization", TestTokens.bearer(DATA_ENTRY))
			.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(download.statusCode()).isEqualTo(200);
		assertThat(download.body()).isEqualTo(pdf);
		assertThat(download.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
		assertThat(download.headers().allValues("Content-Security-Policy")).containsExactly("sandbox");
		assertThat(download.headers().firstValue("Content-Disposition")).hasValueSatisfying(
				(value) -> assertThat(value).startsWith("attachment;").contains("filename*=UTF-8''Bi%C3%AAn"));
	}

	@Test
	void healthWhenObjectStoreAnswersThenUp() throws Exception {
		HttpResponse<String> health = this.http.send(
				HttpRequest.newBuilder(URI.create(base() + "/actuator/health")).build(),
				HttpResponse.BodyHandlers.ofString());

		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(this.json.readTree(health.body()).path("status").asString()).isEqualTo("UP");
	}

	@Test
	void uploadOverHttpWhenPartPassesTheContainerLimitThenAnswersTooLargeProblem() throws Exception {
		UUID reportId = reportService.report(TestAccount.LONG_THANH, TestAccount.AN_GIANG, ReportState.ENTERING, true);

		HttpResponse<String> response = upload(reportId, "qua-lon.pdf", pdf(350 * 1024));

		assertThat(response.statusCode()).isEqualTo(413);
		JsonNode problem = this.json.readTree(response.body());
		assertThat(problem.path("code").asString()).isEqualTo("FIL-010");
		assertThat(problem.path("detail").asString()).contains("0.3 MB");
	}

	private HttpResponse<String> upload(UUID reportId, String fileName, byte[] content) throws Exception {
		String boundary = "nq57-" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: application/pdf\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.write(content);
		body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest
			.newBuilder(URI.create(base() + "/api/files/reports/" + reportId + "/attachments"))
			.header("Authorization", TestTokens.bearer(DATA_ENTRY))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private String base() {
		return "http://127.0.0.1:" + this.port;
	}

	private static byte[] pdf(int size) {
		byte[] pdf = new byte[size];
		byte[] head = "%PDF-1.7\n%âãÏÓ\n".getBytes(StandardCharsets.ISO_8859_1);
		System.arraycopy(head, 0, pdf, 0, head.length);
		for (int i = head.length; i < size; i++) {
			pdf[i] = (byte) ('a' + (i % 26));
		}
		return pdf;
	}

}
