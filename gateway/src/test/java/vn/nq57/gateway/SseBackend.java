package vn.nq57.gateway;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;

/**
 * Plays dashboard-service's live stream: answers {@code text/event-stream}, sends one
 * event at once, and the second only when the test releases it, keeping the connection
 * open in between. A gateway that buffers would deliver nothing before the second event.
 */
final class SseBackend implements AutoCloseable {

	private final HttpServer server;

	private final CountDownLatch release = new CountDownLatch(1);

	private volatile String authorization;

	private SseBackend(HttpServer server) {
		this.server = server;
	}

	static SseBackend start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			SseBackend backend = new SseBackend(server);
			server.createContext("/api/dashboard/stream", (exchange) -> {
				backend.authorization = exchange.getRequestHeaders().getFirst("Authorization");
				exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
				exchange.sendResponseHeaders(200, 0);
				try (OutputStream out = exchange.getResponseBody()) {
					write(out, "id: 1\nevent: summary\ndata: {\"approved\":0}\n\n");
					backend.release.await(20, TimeUnit.SECONDS);
					write(out, ":heartbeat\n\nid: 2\nevent: summary\ndata: {\"approved\":1}\n\n");
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			});
			server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
			server.start();
			return backend;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void write(OutputStream out, String text) throws IOException {
		out.write(text.getBytes(StandardCharsets.UTF_8));
		out.flush();
	}

	String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	void releaseSecondEvent() {
		this.release.countDown();
	}

	String authorization() {
		return this.authorization;
	}

	@Override
	public void close() {
		this.release.countDown();
		this.server.stop(0);
	}

}
