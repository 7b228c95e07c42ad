package vn.nq57.file;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.nq57.contracts.ReportState;

/**
 * Stands in for report-service's {@code GET /api/reports/{id}}: answers the report view
 * for reports a test registered, and applies report-service's scope rule to the caller's
 * token (a commune sees its own unit, a province its communes, the centre everything),
 * answering 404 outside it as report-service does.
 */
public final class ReportServiceStub {

	private static final Pattern REPORT_PATH = Pattern.compile("/api/reports/([0-9a-f-]{36})");

	private final JsonMapper json = JsonMapper.builder().build();

	private final Map<UUID, StubReport> reports = new ConcurrentHashMap<>();

	private final Map<UUID, String> lastAuthorization = new ConcurrentHashMap<>();

	private final HttpServer server;

	private ReportServiceStub(HttpServer server) {
		this.server = server;
	}

	public static ReportServiceStub start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			ReportServiceStub stub = new ReportServiceStub(server);
			server.createContext("/api/reports/", stub::handle);
			server.start();
			return stub;
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot start the report-service stub", ex);
		}
	}

	public String baseUrl() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/**
	 * Registers a report of a commune.
	 * @param unitCode the commune
	 * @param provinceCode its province
	 * @param state the report's state
	 * @param canAttach what {@code permissions.canAttach} says
	 * @return the report id
	 */
	public UUID report(String unitCode, String provinceCode, ReportState state, boolean canAttach) {
		UUID id = UUID.randomUUID();
		this.reports.put(id, new StubReport(unitCode, provinceCode, state, canAttach));
		return id;
	}

	/**
	 * Changes a registered report's state and permission, as a workflow transition would.
	 * @param reportId the report
	 * @param state the new state
	 * @param canAttach the new permission
	 */
	public void change(UUID reportId, ReportState state, boolean canAttach) {
		StubReport report = Objects.requireNonNull(this.reports.get(reportId));
		this.reports.put(reportId, new StubReport(report.unitCode(), report.provinceCode(), state, canAttach));
	}

	public @Nullable String lastAuthorization(UUID reportId) {
		return this.lastAuthorization.get(reportId);
	}

	private void handle(HttpExchange exchange) throws IOException {
		Matcher path = REPORT_PATH.matcher(exchange.getRequestURI().getPath());
		if (!"GET".equals(exchange.getRequestMethod()) || !path.matches()) {
			send(exchange, 404, "{}");
			return;
		}
		UUID id = UUID.fromString(path.group(1));
		String authorization = exchange.getRequestHeaders().getFirst("Authorization");
		if (authorization == null || !authorization.startsWith("Bearer ")) {
			send(exchange, 401, "{}");
			return;
		}
		this.lastAuthorization.put(id, authorization);
		StubReport report = this.reports.get(id);
		if (report == null || !visible(authorization.substring(7), report)) {
			send(exchange, 404, "{\"code\":\"RPT-404\"}");
			return;
		}
		String body = """
				{"id":"%s","template":{"code":"BC_NGAY_XA","name":"Báo cáo hàng ngày cấp Xã","version":1,"columns":[]},
				 "period":{"id":"%s","kind":"DAY","label":"Ngày 03/12/2026"},
				 "unit":{"code":"%s","name":"Xã Thử","provinceCode":"%s","provinceName":"Tỉnh Thử"},
				 "state":"%s","stateLabel":"%s","version":3,"values":{"B":"Đã hoàn thành"},
				 "updatedAt":"2026-12-03T01:00:00Z",
				 "permissions":{"editableColumns":[],"canAttach":%s,"actions":[]},"somethingNew":{"x":1}}
				""".formatted(id, UUID.randomUUID(), report.unitCode(), report.provinceCode(), report.state().name(),
				report.state().label(), report.canAttach());
		send(exchange, 200, body);
	}

	private boolean visible(String token, StubReport report) {
		String[] parts = token.split("\\.");
		JsonNode claims = this.json.readTree(Base64.getUrlDecoder().decode(parts[1]));
		String unit = claims.path("unit").asString();
		return switch (claims.path("unit_level").asString()) {
			case "CENTRAL" -> true;
			case "PROVINCE" -> unit.equals(report.provinceCode());
			default -> unit.equals(report.unitCode());
		};
	}

	private static void send(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	private record StubReport(String unitCode, String provinceCode, ReportState state, boolean canAttach) {
	}

}
