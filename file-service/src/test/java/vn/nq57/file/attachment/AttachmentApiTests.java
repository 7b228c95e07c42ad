package vn.nq57.file.attachment;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.Result;
import io.minio.messages.Item;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import vn.nq57.contracts.ReportState;
import vn.nq57.contracts.Topics;
import vn.nq57.contracts.file.AttachmentAdded;
import vn.nq57.contracts.file.AttachmentRemoved;
import vn.nq57.file.FileServiceTestBase;
import vn.nq57.file.storage.S3Properties;
import vn.nq57.testsupport.TestAccount;
import vn.nq57.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

class AttachmentApiTests extends FileServiceTestBase {

	private static final String COMMUNE = TestAccount.LONG_THANH;

	private static final String PROVINCE = TestAccount.AN_GIANG;

	private static final TestAccount DATA_ENTRY = TestAccount.dataEntry(COMMUNE, PROVINCE);

	private static final TestAccount OTHER_COMMUNE = TestAccount.dataEntry("30944", PROVINCE);

	private static final TestAccount SUPERVISOR = TestAccount.provinceSupervisor(PROVINCE);

	private static final TestAccount OTHER_PROVINCE = TestAccount.provinceSupervisor("79");

	private static final byte[] PDF = ("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n"
			+ "%%EOF\n")
		.getBytes(StandardCharsets.US_ASCII);

	private final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private MinioClient minio;

	@Autowired
	private S3Properties s3;

	@Value("${spring.kafka.bootstrap-servers}")
	private String kafkaBootstrapServers;

	@Test
	void uploadWhenPdfThenListsItAndDownloadsTheSameBytesWithSafeHeaders() throws Exception {
		UUID reportId = entering();

		MvcResult uploaded = upload(DATA_ENTRY, reportId, "Biên bản họp.pdf", PDF);

		assertThat(uploaded.getResponse().getStatus()).isEqualTo(201);
		JsonNode body = body(uploaded);
		assertThat(body.path("fileName").asString()).isEqualTo("Biên bản họp.pdf");
		assertThat(body.path("contentType").asString()).isEqualTo("application/pdf");
		assertThat(body.path("size").asLong()).isEqualTo(PDF.length);
		assertThat(body.path("sha256").asString()).isEqualTo(sha256(PDF));
		assertThat(body.path("step").asString()).isEqualTo("ENTERING");
		assertThat(body.path("uploadedBy").asString()).isEqualTo(DATA_ENTRY.username());
		assertThat(reportService.lastAuthorization(reportId)).isEqualTo("Bearer " + tokenOf(uploaded));
		String id = body.path("id").asString();
		assertThat(objectKeys(reportId)).containsExactly("reports/" + reportId + "/" + id);

		JsonNode listed = body(perform(get("/api/files/reports/{id}/attachments", reportId), SUPERVISOR));
		assertThat(listed).hasSize(1);
		assertThat(listed.get(0).path("id").asString()).isEqualTo(id);

		MvcResult download = perform(get("/api/files/attachments/{id}/content", id), DATA_ENTRY);
		assertThat(download.getResponse().getStatus()).isEqualTo(200);
		byte[] content = download.getResponse().getContentAsByteArray();
		assertThat(content).isEqualTo(PDF);
		assertThat(sha256(content)).isEqualTo(body.path("sha256").asString());
		assertThat(download.getResponse().getContentType()).isEqualTo("application/pdf");
		assertThat(download.getResponse().getHeader("Content-Disposition"))
			.isEqualTo("attachment; filename=\"Bien ban hop.pdf\"; "
					+ "filename*=UTF-8''Bi%C3%AAn%20b%E1%BA%A3n%20h%E1%BB%8Dp.pdf");
		assertThat(download.getResponse().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(download.getResponse().getHeader("Content-Security-Policy")).isEqualTo("sandbox");
	}

	@Test
	void uploadWhenWordDocumentThenStoresItAsDocx() throws Exception {
		UUID reportId = entering();

		MvcResult uploaded = upload(DATA_ENTRY, reportId, "Kế hoạch.docx", docx());

		assertThat(uploaded.getResponse().getStatus()).isEqualTo(201);
		assertThat(body(uploaded).path("contentType").asString())
			.isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
	}

	@Test
	void uploadWhenPngThenStoresItAsPng() throws Exception {
		UUID reportId = entering();
		byte[] png = HexFormat.of()
			.parseHex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da6364f8"
					+ "ffbf1e000502027f3d2b1ec70000000049454e44ae426082");

		MvcResult uploaded = upload(DATA_ENTRY, reportId, "anh-hien-truong.png", png);

		assertThat(uploaded.getResponse().getStatus()).isEqualTo(201);
		assertThat(body(uploaded).path("contentType").asString()).isEqualTo("image/png");
	}

	static List<Arguments> allowedContent() throws IOException {
		byte[] jpeg = HexFormat.of().parseHex("ffd8ffe000104a46494600010100000100010000ffd9");
		byte[] webp = "RIFF\u0024\u0000\u0000\u0000WEBPVP8 \u0018\u0000\u0000\u0000"
			.getBytes(StandardCharsets.ISO_8859_1);
		byte[] ole2 = new byte[1024];
		System.arraycopy(HexFormat.of().parseHex("d0cf11e0a1b11ae1"), 0, ole2, 0, 8);
		return List.of(Arguments.of("ảnh.jpg", jpeg, "image/jpeg"), Arguments.of("ảnh.webp", webp, "image/webp"),
				Arguments.of("bảng.xls", ole2, "application/vnd.ms-excel"),
				Arguments.of("văn bản.doc", ole2, "application/msword"),
				Arguments.of("văn bản.odt", odf("application/vnd.oasis.opendocument.text"),
						"application/vnd.oasis.opendocument.text"),
				Arguments.of("bảng.ods", odf("application/vnd.oasis.opendocument.spreadsheet"),
						"application/vnd.oasis.opendocument.spreadsheet"));
	}

	@ParameterizedTest
	@MethodSource("allowedContent")
	void uploadWhenContentIsAnAllowedKindThenStoresItWithTheDetectedType(String name, byte[] content,
			String expectedType) throws Exception {
		UUID reportId = entering();

		MvcResult uploaded = upload(DATA_ENTRY, reportId, name, content);

		assertThat(uploaded.getResponse().getStatus()).isEqualTo(201);
		assertThat(body(uploaded).path("contentType").asString()).isEqualTo(expectedType);
	}

	static List<byte[]> disguisedContent() throws IOException {
		byte[] exe = new byte[512];
		exe[0] = 'M';
		exe[1] = 'Z';
		exe[0x3c] = (byte) 0x80;
		exe[0x80] = 'P';
		exe[0x81] = 'E';
		byte[] noise = new byte[2048];
		new java.util.Random(57).nextBytes(noise);
		return List.of("<!DOCTYPE html><html><body><script>alert(1)</script></body></html>".getBytes(),
				"<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"></svg>"
					.getBytes(),
				exe, noise, zip("payload.txt"));
	}

	@ParameterizedTest
	@MethodSource("disguisedContent")
	void uploadWhenContentIsNotAnAllowedKindWhateverItsNameThenRefusesNamingTheFileAndStoresNothing(byte[] content)
			throws Exception {
		UUID reportId = entering();

		MvcResult refused = upload(DATA_ENTRY, reportId, "Báo cáo tuần.pdf", content);

		assertThat(refused.getResponse().getStatus()).isEqualTo(422);
		JsonNode problem = body(refused);
		assertThat(problem.path("code").asString()).isEqualTo("FIL-006");
		assertThat(problem.path("detail").asString()).contains("\"Báo cáo tuần.pdf\"").contains("PDF");
		assertThat(rowCount(reportId)).isZero();
		assertThat(objectKeys(reportId)).isEmpty();
	}

	@Test
	void uploadWhenZipIsNamedDocxThenRefuses() throws Exception {
		UUID reportId = entering();

		MvcResult refused = upload(DATA_ENTRY, reportId, "tai-lieu.docx", zip("word/document.xml"));

		assertThat(refused.getResponse().getStatus()).isEqualTo(422);
		assertThat(body(refused).path("code").asString()).isEqualTo("FIL-006");
	}

	@Test
	void uploadWhenLargerThanLimitThenRefusesNamingTheFileAndStoresNothing() throws Exception {
		UUID reportId = entering();
		byte[] large = new byte[256 * 1024 + 1];
		System.arraycopy(PDF, 0, large, 0, PDF.length);

		MvcResult refused = upload(DATA_ENTRY, reportId, "ảnh-lớn.pdf", large);

		assertThat(refused.getResponse().getStatus()).isEqualTo(413);
		JsonNode problem = body(refused);
		assertThat(problem.path("code").asString()).isEqualTo("FIL-005");
		assertThat(problem.path("detail").asString()).contains("\"ảnh-lớn.pdf\"").contains("0.3 MB");
		assertThat(rowCount(reportId)).isZero();
		assertThat(objectKeys(reportId)).isEmpty();
	}

	@Test
	void uploadWhenEmptyThenRefusesNamingTheFile() throws Exception {
		UUID reportId = entering();

		MvcResult refused = upload(DATA_ENTRY, reportId, "rỗng.pdf", new byte[0]);

		assertThat(refused.getResponse().getStatus()).isEqualTo(422);
		assertThat(body(refused).path("code").asString()).isEqualTo("FIL-004");
	}

	@Test
	void uploadWhenReportAlreadyHasMaximumFilesThenRefusesAndKeepsTheCount() throws Exception {
		UUID reportId = entering();
		for (int i = 0; i < 3; i++) {
			assertThat(upload(DATA_ENTRY, reportId, "tep-" + i + ".pdf", PDF).getResponse().getStatus()).isEqualTo(201);
		}

		MvcResult refused = upload(DATA_ENTRY, reportId, "tep-thu-tu.pdf", PDF);

		assertThat(refused.getResponse().getStatus()).isEqualTo(409);
		assertThat(body(refused).path("code").asString()).isEqualTo("FIL-007");
		assertThat(body(refused).path("detail").asString()).contains("3").contains("\"tep-thu-tu.pdf\"");
		assertThat(rowCount(reportId)).isEqualTo(3);
		assertThat(objectKeys(reportId)).hasSize(3);
	}

	@Test
	void uploadWhenReportServiceDeniesAttachingThenForbiddenNamingTheState() throws Exception {
		UUID reportId = reportService.report(COMMUNE, PROVINCE, ReportState.APPROVED, false);

		MvcResult refused = upload(DATA_ENTRY, reportId, "muon.pdf", PDF);

		assertThat(refused.getResponse().getStatus()).isEqualTo(403);
		assertThat(body(refused).path("code").asString()).isEqualTo("FIL-003");
		assertThat(body(refused).path("detail").asString()).contains(ReportState.APPROVED.label());
		assertThat(rowCount(reportId)).isZero();
	}

	@Test
	void uploadWhenReportBelongsToAnotherCommuneThenNotFound() throws Exception {
		UUID reportId = entering();

		MvcResult refused = upload(OTHER_COMMUNE, reportId, "x.pdf", PDF);

		assertThat(refused.getResponse().getStatus()).isEqualTo(404);
		assertThat(body(refused).path("code").asString()).isEqualTo("FIL-001");
	}

	@Test
	void uploadWhenStepIsUnknownThenRefusesListingTheSteps() throws Exception {
		UUID reportId = entering();

		MvcResult refused = perform(multipart("/api/files/reports/{id}/attachments", reportId)
			.file(new MockMultipartFile("file", "a.pdf", "application/pdf", PDF))
			.param("step", "HACK"), DATA_ENTRY);

		assertThat(refused.getResponse().getStatus()).isEqualTo(422);
		assertThat(body(refused).path("code").asString()).isEqualTo("FIL-008");
	}

	@Test
	void uploadWhenStepNamesAStaleStateThenRecordsTheReportsCurrentState() throws Exception {
		UUID reportId = reportService.report(COMMUNE, PROVINCE, ReportState.SUBMITTED, true);

		MvcResult uploaded = perform(multipart("/api/files/reports/{id}/attachments", reportId)
			.file(new MockMultipartFile("file", "a.pdf", "application/pdf", PDF))
			.param("step", "ENTERING"), TestAccount.leader(COMMUNE, PROVINCE));

		assertThat(uploaded.getResponse().getStatus()).isEqualTo(201);
		assertThat(body(uploaded).path("step").asString()).isEqualTo("SUBMITTED");
	}

	@Test
	void uploadWhenNoFilePartThenBadRequest() throws Exception {
		UUID reportId = entering();

		MvcResult refused = perform(multipart("/api/files/reports/{id}/attachments", reportId), DATA_ENTRY);

		assertThat(refused.getResponse().getStatus()).isEqualTo(400);
		assertThat(body(refused).path("code").asString()).isEqualTo("FIL-009");
	}

	@Test
	void listAndDownloadAndDeleteWhenAnotherCommuneOrProvinceThenNotFound() throws Exception {
		UUID reportId = entering();
		String id = body(upload(DATA_ENTRY, reportId, "bang-chung.pdf", PDF)).path("id").asString();

		for (TestAccount outsider : List.of(OTHER_COMMUNE, OTHER_PROVINCE)) {
			MvcResult list = perform(get("/api/files/reports/{id}/attachments", reportId), outsider);
			MvcResult download = perform(get("/api/files/attachments/{id}/content", id), outsider);
			MvcResult delete = perform(MockMvcRequestBuilders.delete("/api/files/attachments/{id}", id), outsider);

			assertThat(list.getResponse().getStatus()).as("list by %s", outsider.username()).isEqualTo(404);
			assertThat(download.getResponse().getStatus()).as("download by %s", outsider.username()).isEqualTo(404);
			assertThat(download.getResponse().getContentAsByteArray()).isNotEqualTo(PDF);
			assertThat(delete.getResponse().getStatus()).as("delete by %s", outsider.username()).isEqualTo(404);
		}
		assertThat(rowCount(reportId)).isEqualTo(1);
		assertThat(objectKeys(reportId)).hasSize(1);
	}

	@Test
	void listWhenReportHasNoFilesAndIsOutsideScopeThenNotFound() throws Exception {
		UUID reportId = entering();

		MvcResult outsider = perform(get("/api/files/reports/{id}/attachments", reportId), OTHER_COMMUNE);
		MvcResult owner = perform(get("/api/files/reports/{id}/attachments", reportId), DATA_ENTRY);

		assertThat(outsider.getResponse().getStatus()).isEqualTo(404);
		assertThat(owner.getResponse().getStatus()).isEqualTo(200);
		assertThat(body(owner)).isEmpty();
	}

	@Test
	void deleteWhenReportIsApprovedThenForbiddenAndTheFileStays() throws Exception {
		UUID reportId = entering();
		String id = body(upload(DATA_ENTRY, reportId, "bang-chung.pdf", PDF)).path("id").asString();
		reportService.change(reportId, ReportState.APPROVED, false);

		MvcResult refused = perform(MockMvcRequestBuilders.delete("/api/files/attachments/{id}", id), DATA_ENTRY);

		assertThat(refused.getResponse().getStatus()).isEqualTo(403);
		assertThat(body(refused).path("code").asString()).isEqualTo("FIL-003");
		assertThat(rowCount(reportId)).isEqualTo(1);
		assertThat(objectKeys(reportId)).hasSize(1);
	}

	@Test
	void uploadAndDeleteThenPublishTheirEventsWithoutTheFileName() throws Exception {
		UUID reportId = entering();
		String id = body(upload(DATA_ENTRY, reportId, "Bí mật.pdf", PDF)).path("id").asString();

		MvcResult deleted = perform(MockMvcRequestBuilders.delete("/api/files/attachments/{id}", id), DATA_ENTRY);

		assertThat(deleted.getResponse().getStatus()).isEqualTo(204);
		assertThat(rowCount(reportId)).isZero();
		assertThat(objectKeys(reportId)).isEmpty();
		assertThat(perform(get("/api/files/attachments/{id}/content", id), DATA_ENTRY).getResponse().getStatus())
			.isEqualTo(404);
		List<ConsumerRecord<String, String>> events = eventsFor(reportId, 2);
		assertThat(events).extracting((event) -> header(event, "ce_type"))
			.containsExactly(AttachmentAdded.TYPE, AttachmentRemoved.TYPE);
		JsonNode added = this.json.readTree(events.get(0).value());
		assertThat(added.path("attachmentId").asString()).isEqualTo(id);
		assertThat(added.path("unitCode").asString()).isEqualTo(COMMUNE);
		assertThat(added.path("sha256").asString()).isEqualTo(sha256(PDF));
		assertThat(events).allSatisfy((event) -> assertThat(event.value()).doesNotContain("Bí mật"));
		assertThat(events)
			.allSatisfy((event) -> assertThat(header(event, "ce_source")).isEqualTo("/nq57/file-service"));
	}

	@Test
	void uploadWhenRefusedThenPublishesNoEvent() throws Exception {
		UUID reportId = entering();

		upload(DATA_ENTRY, reportId, "gia.pdf", "<html></html>".getBytes());
		upload(DATA_ENTRY, reportId, "that.pdf", PDF);

		List<ConsumerRecord<String, String>> events = eventsFor(reportId, 1);
		assertThat(events).hasSize(1);
		assertThat(this.json.readTree(events.get(0).value()).path("size").asLong()).isEqualTo(PDF.length);
	}

	@Test
	void downloadWhenStoredContentWasAlteredThenFailsWithoutServingIt() throws Exception {
		UUID reportId = entering();
		String id = body(upload(DATA_ENTRY, reportId, "goc.pdf", PDF)).path("id").asString();
		byte[] altered = PDF.clone();
		altered[altered.length - 2] = 'X';
		this.minio.putObject(PutObjectArgs.builder()
			.bucket(this.s3.bucket())
			.object("reports/" + reportId + "/" + id)
			.stream(new java.io.ByteArrayInputStream(altered), (long) altered.length, -1L)
			.build());

		MvcResult failed = perform(get("/api/files/attachments/{id}/content", id), DATA_ENTRY);

		assertThat(failed.getResponse().getStatus()).isEqualTo(500);
		assertThat(body(failed).path("code").asString()).isEqualTo("COM-500");
		assertThat(failed.getResponse().getContentAsString()).doesNotContain("%PDF");
	}

	private UUID entering() {
		return reportService.report(COMMUNE, PROVINCE, ReportState.ENTERING, true);
	}

	private MvcResult upload(TestAccount account, UUID reportId, String fileName, byte[] content) throws Exception {
		return perform(multipart("/api/files/reports/{id}/attachments", reportId)
			.file(new MockMultipartFile("file", fileName, "application/pdf", content)), account);
	}

	private MvcResult perform(AbstractMockHttpServletRequestBuilder<?> request, TestAccount account) throws Exception {
		String token = TestTokens.token(account);
		MvcResult result = this.mvc.perform(request.header("Authorization", "Bearer " + token)).andReturn();
		result.getRequest().setAttribute("test.token", token);
		return result;
	}

	private static String tokenOf(MvcResult result) {
		return (String) result.getRequest().getAttribute("test.token");
	}

	private JsonNode body(MvcResult result) throws Exception {
		return this.json.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
	}

	private int rowCount(UUID reportId) {
		return this.jdbc.sql("select count(*) from attachment where report_id = :id")
			.param("id", reportId)
			.query(Integer.class)
			.single();
	}

	private List<String> objectKeys(UUID reportId) throws Exception {
		List<String> keys = new ArrayList<>();
		for (Result<Item> item : this.minio.listObjects(ListObjectsArgs.builder()
			.bucket(this.s3.bucket())
			.prefix("reports/" + reportId + "/")
			.recursive(true)
			.build())) {
			keys.add(item.get().objectName());
		}
		return keys;
	}

	private List<ConsumerRecord<String, String>> eventsFor(UUID reportId, int expected) {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.kafkaBootstrapServers,
				ConsumerConfig.GROUP_ID_CONFIG, "file-test-" + UUID.randomUUID(),
				ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
				StringDeserializer.class, ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		List<ConsumerRecord<String, String>> found = new ArrayList<>();
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
			consumer.subscribe(List.of(Topics.FILE));
			long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
			while (found.size() < expected && System.nanoTime() < deadline) {
				for (ConsumerRecord<String, String> event : consumer.poll(Duration.ofMillis(200))) {
					if (reportId.toString().equals(event.key())) {
						found.add(event);
					}
				}
			}
			// A short extra poll catches events that should not be there.
			consumer.poll(Duration.ofMillis(300)).forEach((event) -> {
				if (reportId.toString().equals(event.key())) {
					found.add(event);
				}
			});
		}
		return found;
	}

	private static String header(ConsumerRecord<String, String> event, String name) {
		return new String(event.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
	}

	private static byte[] docx() throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
			zip.write(("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/"
					+ "content-types\"><Override PartName=\"/word/document.xml\" ContentType=\"application/"
					+ "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>")
				.getBytes(StandardCharsets.UTF_8));
			zip.putNextEntry(new ZipEntry("word/document.xml"));
			zip.write("<w:document/>".getBytes(StandardCharsets.UTF_8));
		}
		return bytes.toByteArray();
	}

	private static byte[] odf(String mediaType) throws IOException {
		byte[] type = mediaType.getBytes(StandardCharsets.US_ASCII);
		java.util.zip.CRC32 crc = new java.util.zip.CRC32();
		crc.update(type);
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			ZipEntry mimetype = new ZipEntry("mimetype");
			mimetype.setMethod(ZipEntry.STORED);
			mimetype.setSize(type.length);
			mimetype.setCrc(crc.getValue());
			zip.putNextEntry(mimetype);
			zip.write(type);
			zip.putNextEntry(new ZipEntry("content.xml"));
			zip.write("<office:document-content/>".getBytes(StandardCharsets.UTF_8));
		}
		return bytes.toByteArray();
	}

	private static byte[] zip(String entry) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			zip.putNextEntry(new ZipEntry(entry));
			zip.write("hello".getBytes(StandardCharsets.UTF_8));
		}
		return bytes.toByteArray();
	}

	private static String sha256(byte[] content) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
	}

}
