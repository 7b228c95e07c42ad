package vn.nq57.workflow.transition;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.nq57.contracts.ReportState;
import vn.nq57.contracts.workflow.WorkflowAction;
import vn.nq57.testsupport.TestTokens;

/**
 * Stands in for report-service's internal endpoints and identity-service's token
 * endpoint, on one JDK HTTP server per test JVM. Reports live in memory; transitions are
 * applied once per transition id, like report-service does. Each test uses reports of its
 * own, so tests do not see each other's state. Codes and texts of refusals follow
 * report-service's catalogue (RPT-006 wrong state, RPT-007 required columns missing).
 */
final class ReportServiceStub {

	/** The access token the stub's token endpoint issues to workflow-service. */
	static final String SERVICE_TOKEN = TestTokens.serviceToken("workflow-service");

	private static final JsonMapper json = JsonMapper.builder().build();

	static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	private static @Nullable ReportServiceStub instance;

	private final HttpServer server;

	private final Map<UUID, StubReport> reports = new ConcurrentHashMap<>();

	private final Map<UUID, String> appliedAnswers = new ConcurrentHashMap<>();

	private final List<Received> transitionCalls = new CopyOnWriteArrayList<>();

	private final List<String> internalAuthorizations = new CopyOnWriteArrayList<>();

	private final Map<UUID, StubPeriod> periods = new ConcurrentHashMap<>();

	private final Map<UUID, UUID> grantedExtensions = new ConcurrentHashMap<>();

	private final List<Received> extensionCalls = new CopyOnWriteArrayList<>();

	private volatile boolean extensionsUnreachable;

	private volatile boolean periodsUnreachable;

	private volatile boolean transitionsUnreachable;

	private volatile boolean factsUnreachable;

	private volatile boolean answersLost;

	private ReportServiceStub(HttpServer server) {
		this.server = server;
	}

	static synchronized ReportServiceStub instance() {
		if (instance == null) {
			try {
				HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
				ReportServiceStub stub = new ReportServiceStub(server);
				server.createContext("/auth/oauth2/token", stub::token);
				server.createContext("/internal/reports/", stub::reports);
				server.createContext("/internal/periods/", stub::periods);
				server.setExecutor(Executors.newFixedThreadPool(8));
				server.start();
				instance = stub;
			}
			catch (IOException ex) {
				throw new IllegalStateException("Cannot start the report-service stub", ex);
			}
		}
		return instance;
	}

	String baseUrl() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/** Adds a report in the given state and answers its id. */
	UUID addReport(String unitCode, String provinceCode, ReportState state) {
		UUID id = UUID.randomUUID();
		this.reports.put(id, new StubReport(id, UUID.randomUUID(), unitCode, provinceCode, state));
		return id;
	}

	/** Adds a report of the period in the given state and answers its id. */
	UUID addReport(UUID periodId, String unitCode, @Nullable String provinceCode, ReportState state) {
		UUID id = UUID.randomUUID();
		StubReport report = new StubReport(id, periodId, unitCode, provinceCode, state);
		StubPeriod period = this.periods.get(periodId);
		if (period != null) {
			report.closesOn = period.closesOn;
		}
		this.reports.put(id, report);
		return id;
	}

	/**
	 * Adds an open period closing at the given instant (the end of its close date in
	 * Vietnam, as report-service computes it), with the given reminder times.
	 */
	UUID addPeriod(Instant closesAt, String templateName, String label, List<String> reminders) {
		UUID id = UUID.randomUUID();
		LocalDate closesOn = LocalDate.ofInstant(closesAt.minusSeconds(1), VIETNAM);
		this.periods.put(id, new StubPeriod(id, closesAt, closesOn, templateName, label, List.copyOf(reminders)));
		return id;
	}

	/** Closes a period: it no longer appears among the open ones. */
	void closePeriod(UUID periodId) {
		this.periods.remove(periodId);
	}

	/** Makes every extension call fail as if report-service were down. */
	void extensionsUnreachable(boolean unreachable) {
		this.extensionsUnreachable = unreachable;
	}

	/** Makes the periods endpoints fail as if report-service were down. */
	void periodsUnreachable(boolean unreachable) {
		this.periodsUnreachable = unreachable;
	}

	/**
	 * Extension calls received for the report, applied or not (transitionId = requestId).
	 */
	List<Received> extensionCalls(UUID reportId) {
		return this.extensionCalls.stream().filter((call) -> call.reportId().equals(reportId)).toList();
	}

	StubReport report(UUID reportId) {
		return this.reports.get(reportId);
	}

	/** Makes transitions of the report answer 422 with the given column errors. */
	void refuseWithMissingColumns(UUID reportId, Map<String, String> columnErrors) {
		this.reports.get(reportId).missingColumns = Map.copyOf(columnErrors);
	}

	/** Makes every transition call fail as if report-service were down. */
	void transitionsUnreachable(boolean unreachable) {
		this.transitionsUnreachable = unreachable;
	}

	/**
	 * Applies transitions but drops the connection before answering, as a timeout does.
	 */
	void answersLost(boolean lost) {
		this.answersLost = lost;
	}

	/** Makes every read of a report's facts fail as if report-service were down. */
	void factsUnreachable(boolean unreachable) {
		this.factsUnreachable = unreachable;
	}

	/** Delays the report's transition answers, to let concurrent requests overlap. */
	void delayTransitions(UUID reportId, long millis) {
		this.reports.get(reportId).delayMillis = millis;
	}

	/** Transition calls received for the report, applied or not. */
	List<Received> transitionCalls(UUID reportId) {
		return this.transitionCalls.stream().filter((call) -> call.reportId().equals(reportId)).toList();
	}

	List<String> internalAuthorizations() {
		return List.copyOf(this.internalAuthorizations);
	}

	private void token(HttpExchange exchange) throws IOException {
		String body = """
				{"access_token":"%s","token_type":"Bearer","expires_in":300,"scope":"internal"}"""
			.formatted(SERVICE_TOKEN);
		answer(exchange, 200, "application/json", body);
	}

	private void reports(HttpExchange exchange) throws IOException {
		this.internalAuthorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
		String[] parts = exchange.getRequestURI().getPath().split("/");
		UUID reportId = UUID.fromString(parts[3]);
		StubReport report = this.reports.get(reportId);
		boolean transition = parts.length == 5 && "transitions".equals(parts[4]);
		boolean extension = parts.length == 5 && "extension".equals(parts[4]);
		if (transition && "POST".equals(exchange.getRequestMethod())) {
			transition(exchange, reportId, report);
		}
		else if (extension && "POST".equals(exchange.getRequestMethod())) {
			extension(exchange, reportId, report);
		}
		else if (this.factsUnreachable) {
			exchange.close();
		}
		else if (report == null) {
			answer(exchange, 404, "application/problem+json",
					problem("RPT-001", 404, "Không tìm thấy báo cáo.", Map.of()));
		}
		else {
			answer(exchange, 200, "application/json", facts(report));
		}
	}

	private void transition(HttpExchange exchange, UUID reportId, @Nullable StubReport report) throws IOException {
		JsonNode body;
		try (InputStream in = exchange.getRequestBody()) {
			body = json.readTree(in);
		}
		UUID transitionId = UUID.fromString(body.get("transitionId").asString());
		this.transitionCalls.add(new Received(reportId, transitionId, body.get("action").asString(),
				body.get("fromState").asString(), body.get("toState").asString()));
		if (this.transitionsUnreachable) {
			// No answer at all, as from a crashed or unreachable service.
			exchange.close();
			return;
		}
		if (report == null) {
			answer(exchange, 404, "application/problem+json",
					problem("RPT-001", 404, "Không tìm thấy báo cáo.", Map.of()));
			return;
		}
		pause(report.delayMillis);
		String answer;
		synchronized (report) {
			String previous = this.appliedAnswers.get(transitionId);
			if (previous != null) {
				answer(exchange, 200, "application/json", previous);
				return;
			}
			if (!report.state.name().equals(body.get("fromState").asString())) {
				String detail = "Báo cáo đang ở trạng thái \"%s\", không phải \"%s\", nên không thể thực hiện \"%s\"."
					.formatted(report.state.label(), ReportState.valueOf(body.get("fromState").asString()).label(),
							WorkflowAction.valueOf(body.get("action").asString()).label());
				answer(exchange, 409, "application/problem+json", problem("RPT-006", 409, detail, Map.of()));
				return;
			}
			if (!report.missingColumns.isEmpty() && !"RETURN".equals(body.get("action").asString())
					&& !"RECALL".equals(body.get("action").asString())) {
				String detail = "Báo cáo chưa đủ dữ liệu bắt buộc để thực hiện \"%s\". "
						+ "Vui lòng nhập đủ các cột được nêu dưới đây.";
				answer(exchange, 422, "application/problem+json",
						problem("RPT-007", 422,
								detail.formatted(WorkflowAction.valueOf(body.get("action").asString()).label()),
								report.missingColumns));
				return;
			}
			report.state = ReportState.valueOf(body.get("toState").asString());
			report.version++;
			answer = """
					{"reportId":"%s","periodId":"%s","unitCode":"%s","provinceCode":"%s","state":"%s","version":%d}"""
				.formatted(report.id, report.periodId, report.unitCode, report.provinceCode, report.state,
						report.version);
			this.appliedAnswers.put(transitionId, answer);
		}
		if (this.answersLost) {
			exchange.close();
			return;
		}
		answer(exchange, 200, "application/json", answer);
	}

	private void extension(HttpExchange exchange, UUID reportId, @Nullable StubReport report) throws IOException {
		JsonNode body;
		try (InputStream in = exchange.getRequestBody()) {
			body = json.readTree(in);
		}
		UUID requestId = UUID.fromString(body.get("requestId").asString());
		LocalDate closesOn = LocalDate.parse(body.get("closesOn").asString());
		this.extensionCalls.add(new Received(reportId, requestId, "EXTEND", body.get("reason").asString(),
				body.get("grantedBy").asString()));
		if (this.extensionsUnreachable) {
			exchange.close();
			return;
		}
		if (report == null) {
			answer(exchange, 404, "application/problem+json",
					problem("RPT-001", 404, "Không tìm thấy báo cáo.", Map.of()));
			return;
		}
		synchronized (report) {
			if (this.grantedExtensions.containsKey(requestId)) {
				answer(exchange, 200, "application/json", facts(report));
				return;
			}
			if (!closesOn.isAfter(report.closesOn) || report.state == ReportState.APPROVED) {
				answer(exchange, 422, "application/problem+json", problem("RPT-010", 422,
						"Không thể gia hạn báo cáo: báo cáo đã duyệt hoặc ngày không sau ngày đóng.", Map.of()));
				return;
			}
			report.extendedUntil = closesOn;
			this.grantedExtensions.put(requestId, reportId);
		}
		answer(exchange, 200, "application/json", facts(report));
	}

	private void periods(HttpExchange exchange) throws IOException {
		this.internalAuthorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
		if (this.periodsUnreachable) {
			exchange.close();
			return;
		}
		String[] parts = exchange.getRequestURI().getPath().split("/");
		if (parts.length == 4 && "open".equals(parts[3])) {
			List<Map<String, Object>> open = this.periods.values()
				.stream()
				.map((period) -> Map.<String, Object>of("id", period.id.toString(), "templateCode", "BC_NGAY_XA",
						"templateName", period.templateName, "kindLabel", "Ngày", "label", period.label, "opensOn",
						period.closesOn.minusDays(1).toString(), "closesOn", period.closesOn.toString(), "closesAt",
						period.closesAt.toString(), "reminders", period.reminders))
				.toList();
			answer(exchange, 200, "application/json", json.writeValueAsString(open));
			return;
		}
		UUID periodId = UUID.fromString(parts[3]);
		if (!this.periods.containsKey(periodId)) {
			answer(exchange, 404, "application/problem+json",
					problem("RPT-002", 404, "Không tìm thấy kỳ báo cáo.", Map.of()));
			return;
		}
		List<Map<String, Object>> notSubmitted = new ArrayList<>();
		List<Map<String, Object>> awaitingLeader = new ArrayList<>();
		for (StubReport report : this.reports.values()) {
			if (!report.periodId.equals(periodId)) {
				continue;
			}
			Map<String, Object> item = new java.util.LinkedHashMap<>();
			item.put("reportId", report.id.toString());
			item.put("unitCode", report.unitCode);
			item.put("provinceCode", report.provinceCode);
			item.put("state", report.state.name());
			item.put("extendedUntil", (report.extendedUntil != null) ? report.extendedUntil.toString() : null);
			if (report.state == ReportState.SUBMITTED) {
				awaitingLeader.add(item);
			}
			else if ((report.state == ReportState.ENTERING || report.state == ReportState.RETURNED)
					&& report.extendedUntil == null) {
				notSubmitted.add(item);
			}
		}
		answer(exchange, 200, "application/json", json.writeValueAsString(Map.of("periodId", periodId.toString(),
				"notSubmitted", notSubmitted, "awaitingLeader", awaitingLeader)));
	}

	private static String facts(StubReport report) {
		return """
				{"reportId":"%s","periodId":"%s","templateCode":"BC_NGAY_XA","unitCode":"%s","provinceCode":"%s",\
				"state":"%s","version":%d,"closesOn":"%s","extendedUntil":%s,"late":false,"extra":"ignored"}"""
			.formatted(report.id, report.periodId, report.unitCode, report.provinceCode, report.state, report.version,
					report.closesOn, (report.extendedUntil != null) ? "\"" + report.extendedUntil + "\"" : "null");
	}

	private static String problem(String code, int status, String detail, Map<String, String> errors) {
		Map<String, Object> problem = new java.util.LinkedHashMap<>();
		problem.put("type", "urn:nq57:problem:" + code);
		problem.put("status", status);
		problem.put("detail", detail);
		problem.put("code", code);
		if (!errors.isEmpty()) {
			problem.put("errors",
					errors.entrySet()
						.stream()
						.sorted(Map.Entry.comparingByKey())
						.map((entry) -> Map.of("field", entry.getKey(), "message", entry.getValue()))
						.toList());
		}
		return json.writeValueAsString(problem);
	}

	private static void pause(long millis) {
		if (millis > 0) {
			try {
				Thread.sleep(millis);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private static void answer(HttpExchange exchange, int status, String contentType, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", contentType);
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	/** An open period as the stub holds it. */
	record StubPeriod(UUID id, Instant closesAt, LocalDate closesOn, String templateName, String label,
			List<String> reminders) {
	}

	/** A transition call as report-service received it. */
	record Received(UUID reportId, UUID transitionId, String action, String fromState, String toState) {
	}

	/** A report as the stub holds it. */
	static final class StubReport {

		final UUID id;

		final UUID periodId;

		final String unitCode;

		final @Nullable String provinceCode;

		volatile ReportState state;

		volatile long version = 1;

		volatile Map<String, String> missingColumns = Map.of();

		volatile long delayMillis;

		volatile LocalDate closesOn = LocalDate.now(VIETNAM);

		volatile @Nullable LocalDate extendedUntil;

		StubReport(UUID id, UUID periodId, String unitCode, @Nullable String provinceCode, ReportState state) {
			this.id = id;
			this.periodId = periodId;
			this.unitCode = unitCode;
			this.provinceCode = provinceCode;
			this.state = state;
		}

		ReportState state() {
			return this.state;
		}

		void moveTo(ReportState state) {
			this.state = state;
		}

	}

}
