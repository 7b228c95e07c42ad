package vn.nq57.export;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Stands in for report-service's HTTP API: answers what a test registered for a path (and
 * query), and records every request with its Authorization header.
 */
public final class ReportServiceStub {

	private final Map<String, Answer> answers = new ConcurrentHashMap<>();

	private final List<Request> requests = new CopyOnWriteArrayList<>();

	private final HttpServer server;

	private ReportServiceStub(HttpServer server) {
		this.server = server;
	}

	public static ReportServiceStub start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			ReportServiceStub stub = new ReportServiceStub(server);
			server.createContext("/", stub::handle);
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
	 * Answers a path, or a path with an exact query string ({@code path?query}).
	 * @param pathAndQuery the path, optionally with its query
	 * @param status the status to answer
	 * @param json the body
	 */
	public void answer(String pathAndQuery, int status, String json) {
		this.answers.put(pathAndQuery, new Answer(status, json));
	}

	public List<Request> requests() {
		return List.copyOf(this.requests);
	}

	private void handle(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath();
		String query = exchange.getRequestURI().getRawQuery();
		String full = (query != null) ? path + "?" + query : path;
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		this.requests.add(new Request(full, exchange.getRequestHeaders().getFirst("Authorization"),
				exchange.getRequestMethod(), body));
		Answer answer = this.answers.getOrDefault(full, this.answers.get(path));
		if (answer == null) {
			answer = new Answer(404, "{\"code\":\"RPT-404\"}");
		}
		byte[] bytes = answer.json().getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(answer.status(), bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	private record Answer(int status, String json) {
	}

	/**
	 * A request the stub received.
	 *
	 * @param pathAndQuery the path with its raw query
	 * @param authorization the Authorization header, if any
	 * @param method the HTTP method
	 * @param body the request body, empty if none
	 */
	public record Request(String pathAndQuery, String authorization, String method, String body) {
	}

}
