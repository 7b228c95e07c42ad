package vn.nq57.workflow.transition;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
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

	private static @Nullable ReportServiceStub instance;

	private final HttpServer server;

	private final Map<UUID, StubReport> reports = new ConcurrentHashMap<>();

	private final Map<UUID, String> appliedAnswers = new ConcurrentHashMap<>();

	private final List<Received> transitionCalls = new CopyOnWriteArrayList<>();

	private final List<String> internalAuthorizations = new CopyOnWriteArrayList<>();

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
		if (transition && "POST".equals(exchange.getRequestMethod())) {
			transition(exchange, reportId, report);
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

	private static String facts(StubReport report) {
		return """
				{"reportId":"%s","periodId":"%s","templateCode":"BC_NGAY_XA","unitCode":"%s","provinceCode":"%s",\
				"state":"%s","version":%d,"extra":"ignored"}""".formatted(report.id, report.periodId, report.unitCode,
				report.provinceCode, report.state, report.version);
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

	/** A transition call as report-service received it. */
	record Received(UUID reportId, UUID transitionId, String action, String fromState, String toState) {
	}

	/** A report as the stub holds it. */
	static final class StubReport {

		final UUID id;

		final UUID periodId;

		final String unitCode;

		final String provinceCode;

		volatile ReportState state;

		volatile long version = 1;

		volatile Map<String, String> missingColumns = Map.of();

		volatile long delayMillis;

		StubReport(UUID id, UUID periodId, String unitCode, String provinceCode, ReportState state) {
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
