package vn.nq57.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.jspecify.annotations.Nullable;

/**
 * A small HTTP server standing in for a backend service: answers each path with a
 * configured status, body and delay, and records every request it received.
 */
final class StubBackend implements AutoCloseable {

	private final HttpServer server;

	private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();

	private final Map<String, Answer> answers = new ConcurrentHashMap<>();

	private StubBackend(HttpServer server) {
		this.server = server;
	}

	static StubBackend start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			StubBackend stub = new StubBackend(server);
			server.createContext("/", stub::handle);
			server.setExecutor(Executors.newCachedThreadPool());
			server.start();
			return stub;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * An address nothing listens on: a backend that is down.
	 * @return the base URL
	 */
	static String unreachableUrl() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return "http://127.0.0.1:" + socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	void answer(String path, int status, String json) {
		this.answers.put(path, new Answer(status, json, Duration.ZERO, null));
	}

	void answer(String path, int status, String json, Duration delay) {
		this.answers.put(path, new Answer(status, json, delay, null));
	}

	/**
	 * Answers a path with 200 and a {@code Set-Cookie} header, as a sign-in page does.
	 */
	void answerSettingCookie(String path, String setCookie) {
		this.answers.put(path, new Answer(200, "{}", Duration.ZERO, setCookie));
	}

	void answerSlowly(String path, Duration delay) {
		this.answers.put(path, new Answer(200, "{}", delay, null));
	}

	/**
	 * The next request received, waiting briefly for it.
	 * @return the request, or {@code null} if none came
	 */
	@Nullable Received nextRequest() throws InterruptedException {
		return this.received.poll(2, TimeUnit.SECONDS);
	}

	/**
	 * Whether no request arrives within a short wait (the gateway forwards at once or not
	 * at all).
	 * @return {@code true} if none came
	 */
	boolean nothingReceived() throws InterruptedException {
		return this.received.poll(300, TimeUnit.MILLISECONDS) == null;
	}

	/**
	 * How many requests for a path arrived so far (and are still recorded).
	 * @param path the path
	 * @return the count
	 */
	long countOf(String path) {
		return this.received.stream().filter((request) -> request.uri().startsWith(path)).count();
	}

	void forget() {
		this.received.clear();
	}

	private void handle(HttpExchange exchange) throws IOException {
		byte[] body = exchange.getRequestBody().readAllBytes();
		String path = exchange.getRequestURI().getPath();
		this.received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
				Map.copyOf(exchange.getRequestHeaders()), body.length));
		Answer answer = this.answers.getOrDefault(path, new Answer(200, "{\"stub\":true}", Duration.ZERO, null));
		try {
			Thread.sleep(answer.delay().toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		byte[] response = answer.json().getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		if (answer.setCookie() != null) {
			exchange.getResponseHeaders().set("Set-Cookie", answer.setCookie());
		}
		exchange.sendResponseHeaders(answer.status(), response.length);
		exchange.getResponseBody().write(response);
		exchange.close();
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	record Answer(int status, String json, Duration delay, @Nullable String setCookie) {
	}

	/**
	 * A request as the backend saw it.
	 *
	 * @param method the method
	 * @param uri path and query
	 * @param headers the headers (names as the JDK server normalises them: first letter
	 * upper case)
	 * @param bodyLength bytes of body received
	 */
	record Received(String method, String uri, Map<String, List<String>> headers, int bodyLength) {

		@Nullable String header(String name) {
			for (Map.Entry<String, List<String>> entry : this.headers.entrySet()) {
				if (entry.getKey().equalsIgnoreCase(name)) {
					return String.join(", ", entry.getValue());
				}
			}
			return null;
		}

	}

}
