package vn.nq57.gateway.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.client.OAuth2AuthorizationContext;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProvider;

/**
 * Refreshes a session's access token once, however many of its requests need it at the
 * same moment. identity-service rotates refresh tokens (a used one is refused), and each
 * request carries its own copy of the session: without this, the second of two parallel
 * calls after an idle spell would present the already-used refresh token, be refused, and
 * sign the user out. The new tokens are remembered, by the refresh token they replaced,
 * for {@link #REMEMBERED} so a request that loaded the session just before the refresh
 * was saved gets them too.
 * <p>
 * Works within one gateway replica; two replicas refreshing the same session in the same
 * instant can still race. That goes away with sticky sessions at the ingress or a shared
 * refresh lock.
 */
final class SingleFlightRefreshTokenProvider implements OAuth2AuthorizedClientProvider {

	/**
	 * How long the outcome of a refresh is handed to requests still holding the old
	 * token.
	 */
	static final Duration REMEMBERED = Duration.ofSeconds(60);

	private final OAuth2AuthorizedClientProvider refresher;

	private final Duration clockSkew;

	private final Clock clock;

	private final Map<String, Flight> flights = new ConcurrentHashMap<>();

	/**
	 * Wraps a refresh-token provider.
	 * @param refresher the provider that calls the token endpoint
	 * @param clockSkew how long before expiry a token counts as due, as the refresher's
	 * @param clock the clock
	 */
	SingleFlightRefreshTokenProvider(OAuth2AuthorizedClientProvider refresher, Duration clockSkew, Clock clock) {
		this.refresher = refresher;
		this.clockSkew = clockSkew;
		this.clock = clock;
	}

	@Override
	public @Nullable OAuth2AuthorizedClient authorize(OAuth2AuthorizationContext context) {
		OAuth2AuthorizedClient current = context.getAuthorizedClient();
		if (current == null || current.getRefreshToken() == null) {
			return this.refresher.authorize(context);
		}
		Instant now = this.clock.instant();
		Instant expiresAt = current.getAccessToken().getExpiresAt();
		if (expiresAt != null && now.isBefore(expiresAt.minus(this.clockSkew))) {
			return null;
		}
		this.flights.values().removeIf((flight) -> flight.startedAt().plus(REMEMBERED).isBefore(now));

		String key = current.getRefreshToken().getTokenValue();
		Flight mine = new Flight(new CompletableFuture<>(), now);
		Flight existing = this.flights.putIfAbsent(key, mine);
		if (existing != null) {
			return awaitOutcome(existing);
		}
		try {
			OAuth2AuthorizedClient refreshed = this.refresher.authorize(context);
			mine.outcome().complete(refreshed);
			if (refreshed == null) {
				// Nothing was due: let the next request judge for itself.
				this.flights.remove(key, mine);
			}
			return refreshed;
		}
		catch (RuntimeException ex) {
			mine.outcome().completeExceptionally(ex);
			this.flights.remove(key, mine);
			throw ex;
		}
	}

	private static @Nullable OAuth2AuthorizedClient awaitOutcome(Flight flight) {
		try {
			return flight.outcome().join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			throw ex;
		}
	}

	private record Flight(CompletableFuture<@Nullable OAuth2AuthorizedClient> outcome, Instant startedAt) {
	}

}
