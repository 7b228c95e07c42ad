package vn.nq57.dashboard;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import vn.nq57.testsupport.TestTokens;

/**
 * Stands in for identity-service's token endpoint (client credentials) and
 * report-service's internal counts endpoint, which answers what a test set.
 */
public final class ReportServiceStub {

	private final HttpServer server;

	private volatile String counts = "{\"provinces\":{}}";

	private final List<String> authorizations = new CopyOnWriteArrayList<>();

	private ReportServiceStub(HttpServer server) {
		this.server = server;
	}

	public static ReportServiceStub start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			ReportServiceStub stub = new ReportServiceStub(server);
			server.createContext("/oauth2/token", (exchange) -> stub.answer(exchange, """
					{"access_token":"%s","token_type":"Bearer","expires_in":300,"scope":"internal"}
					""".formatted(TestTokens.serviceToken("dashboard-service"))));
			server.createContext("/internal/periods/", (exchange) -> {
				stub.authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
				stub.answer(exchange, stub.counts);
			});
			server.start();
			return stub;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void answer(HttpExchange exchange, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(200, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	public String baseUrl() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	public void answerCounts(String json) {
		this.counts = json;
	}

	public List<String> authorizations() {
		return this.authorizations;
	}

}
