package vn.nq57.dashboard.board;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import vn.nq57.dashboard.board.DashboardViews.Summary;

/**
 * The open live streams of this replica. Changes reach it as (period, province) pairs
 * from {@link ChangeNotifications}; one pusher thread coalesces what arrived since its
 * last round, reads each affected scope's summary once (the provinces of a period in one
 * pass) and sends it to every stream of that scope. Every stream gets a heartbeat
 * comment, and is closed after {@code max-age} so the browser reconnects (with
 * {@code Last-Event-ID}).
 */
@Component
public class DashboardStream implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(DashboardStream.class);

	/** The scope key of the whole nation. */
	private static final String NATION = "";

	private final DashboardQueries queries;

	private final StreamProperties properties;

	private final Clock clock;

	private final Map<SseEmitter, Subscription> subscriptions = new ConcurrentHashMap<>();

	private final Set<Change> pending = new LinkedHashSet<>();

	private final ScheduledExecutorService pusher = Executors.newSingleThreadScheduledExecutor((runnable) -> {
		Thread thread = new Thread(runnable, "dashboard-push");
		thread.setDaemon(true);
		return thread;
	});

	DashboardStream(DashboardQueries queries, StreamProperties properties, Clock clock, MeterRegistry meters) {
		this.queries = queries;
		this.properties = properties;
		this.clock = clock;
		long heartbeat = properties.heartbeat().toMillis();
		this.pusher.scheduleWithFixedDelay(this::heartbeat, heartbeat, heartbeat, TimeUnit.MILLISECONDS);
		Gauge.builder("nq57.dashboard.streams", this.subscriptions, Map::size)
			.description("Open live dashboard streams on this replica")
			.register(meters);
	}

	/**
	 * Opens a stream of a scope. The current summary is sent first, unless the browser
	 * reconnects with the revision it already has.
	 * @param periodId the period
	 * @param provinceCode the province, or {@code null} for the nation
	 * @param lastEventId the {@code Last-Event-ID} header of a reconnect, or {@code null}
	 * @return the emitter
	 */
	SseEmitter open(UUID periodId, @Nullable String provinceCode, @Nullable String lastEventId) {
		SseEmitter emitter = new SseEmitter(this.properties.maxAge().toMillis());
		Subscription subscription = new Subscription(periodId, Objects.requireNonNullElse(provinceCode, NATION),
				Instant.now(this.clock));
		emitter.onCompletion(() -> this.subscriptions.remove(emitter));
		emitter.onTimeout(() -> {
			this.subscriptions.remove(emitter);
			emitter.complete();
		});
		emitter.onError((ex) -> this.subscriptions.remove(emitter));
		this.subscriptions.put(emitter, subscription);
		this.pusher.execute(() -> {
			long revision = this.queries.revision(periodId, provinceCode);
			if (lastEventId != null && lastEventId.equals(Long.toString(revision))) {
				logger.trace("Stream of period {} resumed at revision {}", periodId, revision);
				send(emitter, SseEmitter.event().comment("resumed"));
				return;
			}
			send(emitter, summaryEvent(this.queries.summary(periodId, provinceCode)));
		});
		return emitter;
	}

	/**
	 * Records that the figures of a period and province changed; the pusher sends the
	 * affected summaries on its next round.
	 * @param periodId the period
	 * @param provinceCode the province, or {@code *} for the whole period
	 */
	public void changed(UUID periodId, String provinceCode) {
		boolean schedule;
		synchronized (this.pending) {
			schedule = this.pending.isEmpty();
			this.pending.add(new Change(periodId, provinceCode));
		}
		if (schedule) {
			this.pusher.execute(this::push);
		}
	}

	/**
	 * Sends a fresh summary to every open stream, for example after the notification
	 * connection was lost and changes may have been missed.
	 */
	public void refreshAll() {
		for (Subscription subscription : Set.copyOf(this.subscriptions.values())) {
			changed(subscription.periodId(), subscription.province().isEmpty() ? "*" : subscription.province());
		}
	}

	/**
	 * The periods someone watches now.
	 * @return the period ids
	 */
	public Set<UUID> watchedPeriods() {
		Set<UUID> periods = new LinkedHashSet<>();
		this.subscriptions.values().forEach((subscription) -> periods.add(subscription.periodId()));
		return periods;
	}

	private void push() {
		Set<Change> changes;
		synchronized (this.pending) {
			changes = new LinkedHashSet<>(this.pending);
			this.pending.clear();
		}
		Map<Subscription.Key, List<SseEmitter>> affected = new LinkedHashMap<>();
		this.subscriptions.forEach((emitter, subscription) -> {
			if (affected(subscription, changes)) {
				affected.computeIfAbsent(subscription.key(), (key) -> new ArrayList<>()).add(emitter);
			}
		});
		// The provinces of a period are read together; the nation on its own.
		Map<UUID, Set<String>> provincesByPeriod = new LinkedHashMap<>();
		affected.keySet()
			.stream()
			.filter((key) -> !key.province().isEmpty())
			.forEach((key) -> provincesByPeriod.computeIfAbsent(key.periodId(), (period) -> new LinkedHashSet<>())
				.add(key.province()));
		Map<Subscription.Key, Summary> summaries = new HashMap<>();
		provincesByPeriod.forEach((periodId, provinces) -> {
			try {
				this.queries.provinceSummaries(periodId, provinces)
					.forEach((province, summary) -> summaries.put(new Subscription.Key(periodId, province), summary));
			}
			catch (RuntimeException ex) {
				logger.warn("Could not read the province summaries of period {} for live streams: {}", periodId,
						ex.getClass().getSimpleName());
			}
		});
		affected.forEach((key, emitters) -> {
			Summary summary = summaries.get(key);
			if (summary == null && key.province().isEmpty()) {
				try {
					summary = this.queries.summary(key.periodId(), null);
				}
				catch (RuntimeException ex) {
					logger.warn("Could not read the summary of period {} for live streams: {}", key.periodId(),
							ex.getClass().getSimpleName());
				}
			}
			if (summary != null) {
				for (SseEmitter emitter : emitters) {
					send(emitter, summaryEvent(summary));
				}
			}
		});
	}

	private static boolean affected(Subscription subscription, Set<Change> changes) {
		for (Change change : changes) {
			if (change.periodId().equals(subscription.periodId()) && (subscription.province().isEmpty()
					|| change.provinceCode().equals("*") || change.provinceCode().equals(subscription.province()))) {
				return true;
			}
		}
		return false;
	}

	private void heartbeat() {
		this.subscriptions.keySet().forEach((emitter) -> send(emitter, SseEmitter.event().comment("heartbeat")));
	}

	private static SseEmitter.SseEventBuilder summaryEvent(Summary summary) {
		return SseEmitter.event()
			.id(Long.toString(summary.revision()))
			.name("summary")
			.reconnectTime(3000)
			.data(summary, MediaType.APPLICATION_JSON);
	}

	private void send(SseEmitter emitter, SseEmitter.SseEventBuilder event) {
		try {
			emitter.send(event);
		}
		catch (IOException | IllegalStateException ex) {
			// The browser went away; the container completes the emitter.
			this.subscriptions.remove(emitter);
			logger.trace("Live stream closed: {}", ex.getClass().getSimpleName());
		}
	}

	@Override
	public void destroy() {
		this.pusher.shutdownNow();
		this.subscriptions.keySet().forEach(SseEmitter::complete);
	}

	private record Change(UUID periodId, String provinceCode) {
	}

	private record Subscription(UUID periodId, String province, Instant openedAt) {

		Key key() {
			return new Key(this.periodId, this.province);
		}

		record Key(UUID periodId, String province) {
		}

	}

}
