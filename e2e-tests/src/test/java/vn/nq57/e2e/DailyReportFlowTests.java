package vn.nq57.e2e;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import io.minio.GetObjectArgs;
import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.Result;
import io.minio.messages.ListAllMyBucketsResult;
import io.minio.messages.Item;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import vn.nq57.contracts.Topics;
import vn.nq57.localstack.LocalStack;
import vn.nq57.localstack.StackConfig;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The manual's daily flow, end to end, on the full local stack (real PostgreSQL, Kafka
 * and S3, the seven services from their jars), through the gateway only: Xã Long Thạnh
 * enters, attaches evidence and submits its daily report, its leader approves it, Tỉnh An
 * Giang evaluates and downloads it; a commune and a province elsewhere see none of it;
 * Kafka tells the same story.
 */
@ExtendWith(SharedStack.class)
class DailyReportFlowTests {

	private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private static final String PASSWORD = StackConfig.DEMO_PASSWORD;

	/** Columns B–R as domain.md names them. */
	private static final Map<String, String> LABELS = labels();

	private static LocalStack stack;

	private static String gateway;

	@BeforeAll
	static void useSharedStack() {
		stack = SharedStack.stack();
		gateway = SharedStack.gateway();
	}

	@Test
	void dailyReportWhenEnteredSubmittedApprovedAndEvaluatedThenOnlyItsUnitsSeeItAndKafkaTellsTheStory()
			throws Exception {
		Browser dataEntry = Browser.signIn(gateway, "30943_01", PASSWORD);

		JsonNode work = awaitTodaysReport(dataEntry);
		UUID reportId = UUID.fromString(work.get("reportId").asString());
		LocalDate today = LocalDate.now(VIETNAM);
		assertThat(work.get("templateName").asString()).isEqualTo("Báo cáo hàng ngày cấp Xã");
		assertThat(work.get("periodLabel").asString()).isEqualTo("Ngày " + today.format(DAY));
		assertThat(LocalDate.parse(work.get("openDate").asString())).isEqualTo(today.minusDays(1));
		assertThat(LocalDate.parse(work.get("closeDate").asString())).isEqualTo(today);
		assertThat(work.get("unitCode").asString()).isEqualTo("30943");
		assertThat(work.get("unitName").asString()).isEqualTo("Xã Long Thạnh");
		assertThat(work.get("state").asString()).isEqualTo("ENTERING");
		assertThat(work.get("stateLabel").asString()).isEqualTo("Đang nhập liệu/tổng hợp");
		String reportPath = "/api/reports/" + reportId;
		long version = report(dataEntry, reportId).get("version").asLong();

		HttpResponse<String> outsideList = dataEntry.put(reportPath + "/values",
				Map.of("version", version, "values", Map.of("B", "Đã hoàn thành", "D", "tot")));
		assertThat(outsideList.statusCode()).as(outsideList.body()).isEqualTo(422);
		JsonNode columnD = fieldError(outsideList, "D");
		assertThat(columnD.get("message").asString()).contains("Cột D", "Hạ tầng mạng", "tot", "Tốt", "Tạm được", "Yếu",
				"Không ổn định");
		assertThat(report(dataEntry, reportId).get("version").asLong()).isEqualTo(version);
		assertThat(value(report(dataEntry, reportId), "B")).as("nothing saved on error").isEmpty();

		HttpResponse<String> badLink = dataEntry.put(reportPath + "/values",
				Map.of("version", version, "values", Map.of("O", "không phải đường dẫn")));
		assertThat(badLink.statusCode()).as(badLink.body()).isEqualTo(422);
		assertThat(fieldError(badLink, "O").get("message").asString()).contains("Cột O");
		assertThat(value(report(dataEntry, reportId), "O")).isEmpty();

		Map<String, String> draft = new LinkedHashMap<>(DailyEntry.unitValues());
		draft.remove("M");
		HttpResponse<String> saved = dataEntry.put(reportPath + "/values", Map.of("version", version, "values", draft));
		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
		JsonNode afterDraft = Browser.json(saved);
		assertThat(afterDraft.get("version").asLong()).isGreaterThan(version);
		draft.forEach((letter, value) -> assertThat(value(afterDraft, letter)).as("column " + letter).isEqualTo(value));
		version = afterDraft.get("version").asLong();

		HttpResponse<String> incomplete = dataEntry.post("/api/workflow/reports/" + reportId + "/submit",
				Map.of("message", "Kính trình"));
		assertThat(incomplete.statusCode()).as(incomplete.body()).isEqualTo(422);
		assertThat(fieldError(incomplete, "M").get("message").asString()).contains("Cột M");
		assertThat(report(dataEntry, reportId).get("state").asString()).isEqualTo("ENTERING");

		HttpResponse<String> completed = dataEntry.put(reportPath + "/values",
				Map.of("version", version, "values", Map.of("M", DailyEntry.unitValues().get("M"))));
		assertThat(completed.statusCode()).as(completed.body()).isEqualTo(200);
		version = Browser.json(completed).get("version").asLong();

		byte[] pdf = minimalPdf();
		HttpResponse<String> attached = dataEntry.postFile("/api/files/reports/" + reportId + "/attachments",
				"minh-chung-ngay.pdf", "application/pdf", pdf);
		assertThat(attached.statusCode()).as(attached.body()).isEqualTo(201);
		JsonNode attachment = Browser.json(attached);
		String attachmentId = attachment.get("id").asString();
		assertThat(attachment.get("reportId").asString()).isEqualTo(reportId.toString());
		assertThat(attachment.get("fileName").asString()).isEqualTo("minh-chung-ngay.pdf");
		assertThat(attachment.get("contentType").asString()).isEqualTo("application/pdf");
		assertThat(attachment.get("size").asLong()).isEqualTo(pdf.length);
		assertThat(attachment.get("sha256").asString()).isEqualToIgnoringCase(sha256(pdf));
		assertThat(storedObjectsWithContent(pdf)).as("the PDF is in the S3 server").hasSize(1);
		HttpResponse<String> listed = dataEntry.get("/api/files/reports/" + reportId + "/attachments");
		assertThat(listed.statusCode()).isEqualTo(200);
		assertThat(ids(Browser.json(listed))).containsExactly(attachmentId);

		HttpResponse<String> submitted = dataEntry.post("/api/workflow/reports/" + reportId + "/submit",
				Map.of("message", "Kính trình lãnh đạo xem xét"));
		assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
		assertThat(Browser.json(submitted).get("state").asString()).isEqualTo("SUBMITTED");

		Browser leader = Browser.signIn(gateway, "30943_02", PASSWORD);
		JsonNode waiting = myWorkItem(leader, reportId);
		assertThat(waiting).as("the leader sees the submitted report").isNotNull();
		assertThat(waiting.get("state").asString()).isEqualTo("SUBMITTED");
		HttpResponse<String> approved = leader.post("/api/workflow/reports/" + reportId + "/approve",
				Map.of("message", "Đồng ý, gửi Tỉnh"));
		assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
		assertThat(Browser.json(approved).get("state").asString()).isEqualTo("APPROVED");

		HttpResponse<String> lateEdit = dataEntry.put(reportPath + "/values", Map.of("version",
				report(dataEntry, reportId).get("version").asLong(), "values", Map.of("N", "Sửa sau khi duyệt")));
		assertThat(lateEdit.statusCode()).as(lateEdit.body()).isIn(403, 409, 422);
		assertThat(value(report(dataEntry, reportId), "N")).isEqualTo(DailyEntry.unitValues().get("N"));

		Browser province = Browser.signIn(gateway, "tinh_91", PASSWORD);
		assertProvinceDashboardShowsTheApproval(province, UUID.fromString(work.get("periodId").asString()));
		JsonNode forProvince = myWorkItem(province, reportId);
		assertThat(forProvince).as("Tỉnh An Giang sees the approved report").isNotNull();
		assertThat(forProvince.get("state").asString()).isEqualTo("APPROVED");
		JsonNode provinceView = report(province, reportId);
		assertThat(texts(provinceView.get("permissions").get("editableColumns"))).contains("P", "Q", "R");
		Map<String, String> evaluation = Map.of("P", "Nguyễn Thị Hoa", "Q", "Đã triển khai đầy đủ, đúng tiến độ.", "R",
				"Đạt yêu cầu");
		HttpResponse<String> evaluated = province.put(reportPath + "/values",
				Map.of("version", provinceView.get("version").asLong(), "values", evaluation));
		assertThat(evaluated.statusCode()).as(evaluated.body()).isEqualTo(200);
		evaluation.forEach((letter, value) -> assertThat(value(Browser.json(evaluated), letter)).isEqualTo(value));

		HttpResponse<byte[]> workbook = province.getBytes("/api/exports/reports/" + reportId + ".xlsx");
		assertThat(workbook.statusCode()).isEqualTo(200);
		assertThat(workbook.headers().firstValue("Content-Type").orElse(""))
			.startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		assertExportHolds(workbook.body(), evaluation);

		String otherCommune = firstCommuneOfAnotherProvince("91");
		for (Browser outsider : List.of(Browser.signIn(gateway, otherCommune + "_01", PASSWORD),
				Browser.signIn(gateway, "tinh_" + provinceOf(otherCommune), PASSWORD))) {
			String who = outsider.username();
			assertThat(outsider.get(reportPath).statusCode()).as(who + " reads the report").isIn(403, 404);
			assertThat(outsider.get("/api/files/reports/" + reportId + "/attachments").statusCode())
				.as(who + " lists its attachments")
				.isIn(403, 404);
			assertThat(outsider.getBytes("/api/files/attachments/" + attachmentId + "/content").statusCode())
				.as(who + " downloads its attachment")
				.isIn(403, 404);
			assertThat(outsider.getBytes("/api/exports/reports/" + reportId + ".xlsx").statusCode())
				.as(who + " exports it")
				.isIn(403, 404);
			assertThat(
					outsider.put(reportPath + "/values", Map.of("version", 1, "values", Map.of("N", "x"))).statusCode())
				.as(who + " writes it")
				.isIn(403, 404);
			assertThat(myWorkItem(outsider, reportId)).as(who + " has it in my-work").isNull();
		}

		assertKafkaTellsTheStory(reportId);
	}

	/**
	 * Signing in with VNeID through the gateway, at the local stack's stand-in provider
	 * (clearly marked as one): the CCCD linked to 30943_01 signs in as that account; a
	 * CCCD linked to no account is sent back to the login page with the message to sign
	 * in once with the system account and link it, and gets no session.
	 */
	@Test
	void vneidWhenTheCccdIsLinkedThenSignsInAsItsAccountAndWhenItIsNotTheLoginPageSaysSo() {
		Browser linked = Browser.anonymous(gateway);
		HttpResponse<String> provider = vneidPage(linked);

		HttpResponse<String> landed = linked.postForm(provider.uri().resolve("authorize"),
				withSubject(provider, "089199000001"));

		assertThat(landed.uri().getAuthority()).isEqualTo(URI.create(gateway).getAuthority());
		assertThat(landed.uri().getPath()).as(landed.body()).doesNotStartWith("/auth/");
		HttpResponse<String> session = linked.get("/session");
		assertThat(session.statusCode()).as(session.body()).isEqualTo(200);
		assertThat(Browser.json(session).get("username").asString()).isEqualTo("30943_01");
		assertThat(linked.get("/api/reports/my-work").statusCode()).isEqualTo(200);

		Browser stranger = Browser.anonymous(gateway);
		HttpResponse<String> strangerPage = vneidPage(stranger);
		HttpResponse<String> refused = stranger.postForm(strangerPage.uri().resolve("authorize"),
				withSubject(strangerPage, "089199000099"));

		assertThat(refused.uri().getPath()).isEqualTo("/auth/login");
		assertThat(refused.body()).contains("chưa được liên kết với tài khoản nào của hệ thống");
		assertThat(stranger.get("/api/reports/my-work").statusCode()).as("no session").isEqualTo(401);
	}

	/** From the gateway to identity-service's login page, then its VNeID button. */
	private static HttpResponse<String> vneidPage(Browser browser) {
		HttpResponse<String> login = browser.get("/oauth2/authorization/nq57");
		assertThat(login.uri().getPath()).isEqualTo("/auth/login");
		assertThat(login.body()).contains("VNeID");
		HttpResponse<String> provider = browser.get("/auth/login/federation/vneid");
		assertThat(provider.statusCode()).as(provider.body()).isEqualTo(200);
		assertThat(provider.body()).contains("Máy chủ giả lập — chỉ dùng để thử nghiệm");
		return provider;
	}

	private static Map<String, String> withSubject(HttpResponse<String> providerPage, String cccd) {
		Map<String, String> form = Browser.hiddenInputs(providerPage.body());
		assertThat(form).containsKeys("state", "nonce", "code_challenge", "redirect_uri");
		form.put("subject", cccd);
		return form;
	}

	/**
	 * The centre ends every session of Xã Đất Mũi's data-entry account while it is signed
	 * in: the gateway learns it from identity-service within its 30 s check and ends the
	 * open session (GTW-007), and signing in again asks for the password.
	 */
	@Test
	void sessionsWhenTheCentreEndsThemThenTheOpenSessionIsSignedOutWithinTheCheckInterval() {
		Browser commune = Browser.signIn(gateway, "32248_01", PASSWORD);
		assertThat(commune.get("/api/reports/my-work").statusCode()).isEqualTo(200);
		Browser centre = Browser.signIn(gateway, "trunguong", PASSWORD);

		HttpResponse<String> ended = centre.delete("/auth/api/accounts/32248_01/sessions");

		assertThat(ended.statusCode()).as(ended.body()).isEqualTo(200);
		Awaitility.await("the open session of 32248_01 is signed out")
			.atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofSeconds(3))
			.untilAsserted(() -> {
				HttpResponse<String> call = commune.get("/api/reports/my-work");
				assertThat(call.statusCode()).as(call.body()).isEqualTo(401);
				assertThat(Browser.json(call).get("code").asString()).isEqualTo("GTW-007");
			});
		HttpResponse<String> again = commune.get("/oauth2/authorization/nq57");
		assertThat(again.uri().getPath()).as("the identity session ended too").isEqualTo("/auth/login");
		assertThat(centre.get("/auth/api/me").statusCode()).as("other accounts go on").isEqualTo(200);
	}

	/**
	 * dashboard-service builds its read model from the events, so the approval shows on
	 * Tỉnh An Giang's dashboard shortly after, through the gateway.
	 */
	private static void assertProvinceDashboardShowsTheApproval(Browser province, UUID periodId) {
		String summaryPath = "/api/dashboard/periods/" + periodId + "/summary";
		Awaitility.await("the province dashboard counts the approval")
			.atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofSeconds(1))
			.ignoreExceptions()
			.untilAsserted(() -> {
				HttpResponse<String> summary = province.get(summaryPath);
				assertThat(summary.statusCode()).as(summary.body()).isEqualTo(200);
				JsonNode counts = Browser.json(summary).get("counts");
				assertThat(counts.get("approved").asLong()).isEqualTo(1);
				assertThat(counts.get("submitted").asLong()).isZero();
			});
		HttpResponse<String> approvedCommunes = province
			.get("/api/dashboard/periods/" + periodId + "/communes?status=APPROVED");
		assertThat(approvedCommunes.statusCode()).as(approvedCommunes.body()).isEqualTo(200);
		assertThat(Browser.json(approvedCommunes).findValuesAsString("unitCode")).containsExactly("30943");
	}

	private void assertKafkaTellsTheStory(UUID reportId) {
		Map<String, String> sources = Map.of(Topics.REPORT, "/nq57/report-service", Topics.FILE, "/nq57/file-service",
				Topics.WORKFLOW, "/nq57/workflow-service");
		List<String> expected = List.of("vn.nq57.report.draft-saved.v1", "vn.nq57.file.attachment-added.v1",
				"vn.nq57.workflow.report-submitted.v1", "vn.nq57.workflow.report-approved.v1",
				"vn.nq57.report.evaluated.v1");
		List<ConsumerRecord<String, String>> story = readStory(reportId, sources.keySet(), expected);
		List<String> types = story.stream().map((record) -> header(record, "ce_type")).toList();
		assertThat(types).containsAll(expected);
		assertThat(types).as("one draft-saved per successful unit save, none for refused ones")
			.filteredOn("vn.nq57.report.draft-saved.v1"::equals)
			.hasSize(2);
		assertThat(types).filteredOn("vn.nq57.report.evaluated.v1"::equals).hasSize(1);
		List<String> workflow = story.stream()
			.filter((record) -> record.topic().equals(Topics.WORKFLOW))
			.map((record) -> header(record, "ce_type"))
			.toList();
		assertThat(workflow).containsExactly("vn.nq57.workflow.report-submitted.v1",
				"vn.nq57.workflow.report-approved.v1");
		Set<String> ids = new java.util.HashSet<>();
		for (ConsumerRecord<String, String> record : story) {
			String type = header(record, "ce_type");
			assertThat(record.key()).as(type + " key").isEqualTo(reportId.toString());
			assertThat(header(record, "ce_specversion")).as(type).isEqualTo("1.0");
			assertThat(ids.add(header(record, "ce_id"))).as(type + " has a unique ce_id").isTrue();
			assertThat(header(record, "ce_source")).as(type).isEqualTo(sources.get(record.topic()));
			assertThat(Instant.parse(header(record, "ce_time"))).as(type).isBefore(Instant.now().plusSeconds(5));
			assertThat(header(record, "ce_subject")).as(type).isEqualTo(reportId.toString());
			assertThat(header(record, "content-type")).as(type).startsWith("application/json");
			assertThat(header(record, "traceparent")).as(type).isNotBlank();
			JsonNode payload = Browser.JSON.readTree(record.value());
			assertThat(payload.get("reportId").asString()).as(type + " payload").isEqualTo(reportId.toString());
		}
		String evaluatedPayload = story.stream()
			.filter((record) -> header(record, "ce_type").equals("vn.nq57.report.evaluated.v1"))
			.findFirst()
			.orElseThrow()
			.value();
		assertThat(evaluatedPayload).contains("Đạt yêu cầu").doesNotContain("Nguyễn Thị Hoa");
	}

	private List<ConsumerRecord<String, String>> readStory(UUID reportId, Set<String> topics, List<String> expected) {
		Properties properties = new Properties();
		properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.config().kafkaBootstrapServers());
		properties.put(ConsumerConfig.GROUP_ID_CONFIG, "e2e-" + UUID.randomUUID());
		properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
		properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
		properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
		List<ConsumerRecord<String, String>> story = new ArrayList<>();
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties)) {
			consumer.subscribe(topics);
			long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
			// Outbox relays publish shortly after commit: read until the whole story is
			// there,
			// then a little longer so that an unexpected extra event would be seen too.
			long settleUntil = Long.MAX_VALUE;
			while (System.nanoTime() < Math.min(deadline, settleUntil)) {
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
					if (reportId.toString().equals(record.key())
							|| reportId.toString().equals(headerOrNull(record, "ce_subject"))) {
						story.add(record);
					}
				}
				List<String> types = story.stream().map((record) -> header(record, "ce_type")).toList();
				if (settleUntil == Long.MAX_VALUE && types.containsAll(expected)) {
					settleUntil = System.nanoTime() + Duration.ofSeconds(3).toNanos();
				}
			}
		}
		return story;
	}

	private static String header(ConsumerRecord<String, String> record, String name) {
		String value = headerOrNull(record, name);
		assertThat(value).as("header %s on %s", name, record.topic()).isNotNull();
		return value;
	}

	private static String headerOrNull(ConsumerRecord<String, String> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

	private static JsonNode awaitTodaysReport(Browser dataEntry) throws InterruptedException {
		String label = "Ngày " + LocalDate.now(VIETNAM).format(DAY);
		long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
		String last = "";
		while (System.nanoTime() < deadline) {
			HttpResponse<String> response = dataEntry.get("/api/reports/my-work");
			last = response.statusCode() + " " + response.body();
			if (response.statusCode() == 200) {
				for (JsonNode item : Browser.json(response)) {
					if ("BC_NGAY_XA".equals(item.get("templateCode").asString())
							&& label.equals(item.get("periodLabel").asString())) {
						return item;
					}
				}
			}
			Thread.sleep(1000);
		}
		throw new AssertionError("No " + label + " report in my-work of 30943_01 within 120 s; last answer: " + last);
	}

	private static JsonNode myWorkItem(Browser browser, UUID reportId) {
		HttpResponse<String> response = browser.get("/api/reports/my-work");
		assertThat(response.statusCode()).as("my-work of " + browser.username()).isEqualTo(200);
		for (JsonNode item : Browser.json(response)) {
			if (reportId.toString().equals(item.get("reportId").asString())) {
				return item;
			}
		}
		return null;
	}

	private static JsonNode report(Browser browser, UUID reportId) {
		HttpResponse<String> response = browser.get("/api/reports/" + reportId);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return Browser.json(response);
	}

	private static String value(JsonNode report, String letter) {
		JsonNode value = report.get("values").get(letter);
		return (value == null || value.isNull()) ? "" : value.asString();
	}

	private static JsonNode fieldError(HttpResponse<String> response, String field) {
		JsonNode errors = Browser.json(response).get("errors");
		assertThat(errors).as("errors in " + response.body()).isNotNull();
		for (JsonNode error : errors) {
			if (field.equals(error.get("field").asString())) {
				return error;
			}
		}
		throw new AssertionError("No error for column " + field + " in " + response.body());
	}

	private static List<String> ids(JsonNode array) {
		List<String> ids = new ArrayList<>();
		array.forEach((item) -> ids.add(item.get("id").asString()));
		return ids;
	}

	private static List<String> texts(JsonNode array) {
		List<String> texts = new ArrayList<>();
		array.forEach((item) -> texts.add(item.asString()));
		return texts;
	}

	private static Map<String, String> labels() {
		Map<String, String> labels = new LinkedHashMap<>();
		labels.put("B", "Văn bản phổ biến");
		labels.put("C", "Bộ TTHC");
		labels.put("D", "Hạ tầng mạng");
		labels.put("E", "Hạ tầng máy tính");
		labels.put("F", "Công cụ hỗ trợ số hóa giấy tờ");
		labels.put("G", "Dữ liệu số hóa có tái sử dụng");
		labels.put("H", "Thiết bị an toàn");
		labels.put("I", "CKS mật");
		labels.put("J", "CKS công cộng");
		labels.put("K", "Nhân sự một cửa");
		labels.put("L", "Bảng \"4 tại chỗ\"");
		labels.put("M", "Triển khai hệ thống họp trực tuyến từ TW đến địa phương");
		labels.put("N", "Vướng mắc chính trong ngày");
		labels.put("O", "Link tới thư mục ảnh minh chứng của ngày");
		labels.put("P", "(Phần của Tỉnh) Người đánh giá");
		labels.put("Q", "(Phần của Tỉnh) Nhận xét & Đánh giá");
		labels.put("R", "(Phần của Tỉnh) Trạng thái Giám sát");
		return labels;
	}

	/**
	 * The workbook has the Vietnamese headers of B–R in order, after the unit column, and
	 * a row with the report's values.
	 */
	private static void assertExportHolds(byte[] xlsx, Map<String, String> evaluation) throws IOException {
		DataFormatter formatter = new DataFormatter();
		try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = workbook.getSheetAt(0);
			Row header = null;
			int columnB = -1;
			for (Row row : sheet) {
				for (Cell cell : row) {
					if (formatter.formatCellValue(cell).startsWith(LABELS.get("B"))) {
						header = row;
						columnB = cell.getColumnIndex();
					}
				}
				if (header != null) {
					break;
				}
			}
			assertThat(header).as("a header row with " + LABELS.get("B")).isNotNull();
			assertThat(columnB).as("column A (the unit) comes before B").isGreaterThanOrEqualTo(1);
			int column = columnB;
			for (String label : LABELS.values()) {
				assertThat(formatter.formatCellValue(header.getCell(column))).as("header of column " + column)
					.startsWith(label);
				column++;
			}
			Row data = null;
			for (int r = header.getRowNum() + 1; r <= sheet.getLastRowNum() && data == null; r++) {
				Row row = sheet.getRow(r);
				if (row != null && !formatter.formatCellValue(row.getCell(columnB)).isBlank()) {
					data = row;
				}
			}
			assertThat(data).as("a data row under the headers").isNotNull();
			assertThat(formatter.formatCellValue(data.getCell(columnB - 1))).contains("Xã Long Thạnh");
			Map<String, String> expected = new LinkedHashMap<>(DailyEntry.unitValues());
			expected.putAll(evaluation);
			int index = columnB;
			for (String letter : LABELS.keySet()) {
				assertThat(formatter.formatCellValue(data.getCell(index))).as("exported column " + letter)
					.isEqualTo(expected.get(letter));
				index++;
			}
			StringBuilder text = new StringBuilder();
			for (Row row : sheet) {
				for (Cell cell : row) {
					text.append(formatter.formatCellValue(cell)).append(' ');
				}
			}
			assertThat(text).as("the period and the unit").contains("Xã Long Thạnh");
			assertThat(text).contains(LocalDate.now(VIETNAM).format(DAY));
		}
	}

	/**
	 * Objects in any bucket of the S3 server whose bytes are exactly the given content.
	 */
	private static List<String> storedObjectsWithContent(byte[] content) throws Exception {
		StackConfig config = stack.config();
		MinioClient s3 = MinioClient.builder()
			.endpoint(config.s3Endpoint())
			.credentials(StackConfig.S3_ACCESS_KEY, StackConfig.S3_SECRET_KEY)
			.region(StackConfig.S3_REGION)
			.build();
		List<String> matches = new ArrayList<>();
		for (ListAllMyBucketsResult.Bucket bucket : s3.listBuckets()) {
			for (Result<Item> result : s3
				.listObjects(ListObjectsArgs.builder().bucket(bucket.name()).recursive(true).build())) {
				Item item = result.get();
				if (item.size() != content.length) {
					continue;
				}
				try (InputStream object = s3
					.getObject(GetObjectArgs.builder().bucket(bucket.name()).object(item.objectName()).build())) {
					if (java.util.Arrays.equals(object.readAllBytes(), content)) {
						matches.add(bucket.name() + "/" + item.objectName());
					}
				}
			}
		}
		return matches;
	}

	/** A one-page PDF that says "Minh chung" (evidence). */
	private static byte[] minimalPdf() {
		String[] objects = { "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
				"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] /Contents 4 0 R "
						+ "/Resources << /Font << /F1 5 0 R >> >> >>",
				"<< /Length 44 >>\nstream\nBT /F1 18 Tf 20 40 Td (Minh chung) Tj ET\nendstream",
				"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>" };
		StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
		List<Integer> offsets = new ArrayList<>();
		for (int i = 0; i < objects.length; i++) {
			offsets.add(pdf.length());
			pdf.append(i + 1).append(" 0 obj\n").append(objects[i]).append("\nendobj\n");
		}
		int xref = pdf.length();
		pdf.append("xref\n0 ").append(objects.length + 1).append("\n0000000000 65535 f \n");
		offsets.forEach((offset) -> pdf.append(String.format("%010d 00000 n \n", offset)));
		pdf.append("trailer\n<< /Size ")
			.append(objects.length + 1)
			.append(" /Root 1 0 R >>\nstartxref\n")
			.append(xref)
			.append("\n%%EOF\n");
		return pdf.toString().getBytes(StandardCharsets.US_ASCII);
	}

	private static String sha256(byte[] content) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
	}

	/** The official unit list, as identity-service loads it. */
	private static List<String[]> units() throws IOException {
		Path csv = StackConfig.findRepositoryRoot(Path.of(""))
			.resolve("identity-service/src/main/resources/units/don-vi-hanh-chinh-2025.csv");
		try (Stream<String> lines = Files.lines(csv, StandardCharsets.UTF_8)) {
			return lines.skip(1).map((line) -> line.split(",")).toList();
		}
	}

	private static String firstCommuneOfAnotherProvince(String province) throws IOException {
		return units().stream()
			.filter((unit) -> !unit[0].equals(province))
			.map((unit) -> unit[3])
			.findFirst()
			.orElseThrow();
	}

	private static String provinceOf(String commune) throws IOException {
		return units().stream()
			.filter((unit) -> unit[3].equals(commune))
			.map((unit) -> unit[0])
			.findFirst()
			.orElseThrow();
	}

}
