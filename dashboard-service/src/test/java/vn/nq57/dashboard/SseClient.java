package vn.nq57.dashboard;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * A minimal server-sent events client over the JDK HTTP client: it reads the stream on a
 * thread of its own and queues each event (comments included), so tests can wait for the
 * next one.
 */
public final class SseClient implements AutoCloseable {

	private final BlockingQueue<Event> received = new LinkedBlockingQueue<>();

	private final CompletableFuture<HttpResponse<Stream<String>>> response;

	private volatile int status;

	private volatile @Nullable String contentType;

	private volatile @Nullable String accelBuffering;

	/**
	 * Connects.
	 * @param client the HTTP client
	 * @param url the stream URL
	 * @param authorization the Authorization header, or null
	 * @param lastEventId the Last-Event-ID header, or null
	 */
	public SseClient(HttpClient client, String url, @Nullable String authorization, @Nullable String lastEventId) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream");
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		if (lastEventId != null) {
			request.header("Last-Event-ID", lastEventId);
		}
		this.response = client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines());
		this.response.thenAccept((answer) -> {
			this.status = answer.statusCode();
			this.contentType = answer.headers().firstValue("Content-Type").orElse(null);
			this.accelBuffering = answer.headers().firstValue("X-Accel-Buffering").orElse(null);
			Thread reader = new Thread(() -> read(answer.body()), "sse-client");
			reader.setDaemon(true);
			reader.start();
		});
	}

	private void read(Stream<String> lines) {
		StringBuilder data = new StringBuilder();
		String[] id = { null };
		String[] name = { null };
		try {
			lines.forEach((line) -> {
				if (line.isEmpty()) {
					if (!data.isEmpty() || name[0] != null) {
						this.received.add(new Event(id[0], name[0], data.toString(), System.nanoTime()));
					}
					data.setLength(0);
					id[0] = null;
					name[0] = null;
				}
				else if (line.startsWith(":")) {
					this.received.add(new Event(null, null, line.substring(1), System.nanoTime()));
				}
				else if (line.startsWith("data:")) {
					if (!data.isEmpty()) {
						data.append('\n');
					}
					data.append(line.substring(5).stripLeading());
				}
				else if (line.startsWith("id:")) {
					id[0] = line.substring(3).strip();
				}
				else if (line.startsWith("event:")) {
					name[0] = line.substring(6).strip();
				}
			});
		}
		catch (RuntimeException ex) {
			// Closed by the test.
		}
	}

	/**
	 * The status once the headers arrived.
	 * @param timeout how long to wait
	 * @return the status
	 */
	public int status(Duration timeout) {
		try {
			this.response.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
			return this.status;
		}
		catch (Exception ex) {
			throw new AssertionError("No answer from the stream", ex);
		}
	}

	public @Nullable String contentType() {
		return this.contentType;
	}

	public @Nullable String accelBuffering() {
		return this.accelBuffering;
	}

	/**
	 * The next named event, skipping comments.
	 * @param timeout how long to wait
	 * @return the event, or null on timeout
	 */
	public @Nullable Event nextEvent(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		try {
			while (true) {
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					return null;
				}
				Event event = this.received.poll(left, TimeUnit.NANOSECONDS);
				if (event == null) {
					return null;
				}
				if (event.name() != null) {
					return event;
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
	}

	/**
	 * The next line of any kind, comments included.
	 * @param timeout how long to wait
	 * @return the event, or null on timeout
	 */
	public @Nullable Event next(Duration timeout) {
		try {
			return this.received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
	}

	@Override
	public void close() {
		this.response.cancel(true);
		this.response.thenAccept((answer) -> answer.body().close());
	}

	/**
	 * One event; a comment has neither id nor name and its text as data.
	 *
	 * @param id the id
	 * @param name the event name
	 * @param data the data
	 * @param receivedAtNanos when it was read (System.nanoTime)
	 */
	public record Event(@Nullable String id, @Nullable String name, String data, long receivedAtNanos) {
	}

}
