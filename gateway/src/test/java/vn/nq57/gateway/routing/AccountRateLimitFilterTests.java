package vn.nq57.gateway.routing;

import java.util.List;

import io.micrometer.tracing.Tracer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

import vn.nq57.gateway.problem.GatewayProblems;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-account rate limit on its own: a limit of 2 calls per second.
 */
class AccountRateLimitFilterTests {

	private final AccountRateLimitFilter filter = new AccountRateLimitFilter(2, new GatewayProblems(
			JsonMapper.builder().build(), new StaticListableBeanFactory().getBeanProvider(Tracer.class)));

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void filterWhenAccountExceedsItsLimitThenAnswers429WithRetryAfterWithoutCallingTheBackend() throws Exception {
		signIn("30943_01");
		int[] forwarded = { 0 };

		ServerResponse first = this.filter.filter(request(), (r) -> ok(forwarded));
		ServerResponse second = this.filter.filter(request(), (r) -> ok(forwarded));
		ServerResponse third = this.filter.filter(request(), (r) -> ok(forwarded));

		assertThat(first.statusCode()).isEqualTo(HttpStatus.OK);
		assertThat(second.statusCode()).isEqualTo(HttpStatus.OK);
		assertThat(third.statusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		assertThat(third.headers().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
		assertThat(forwarded[0]).isEqualTo(2);
	}

	@Test
	void filterWhenAnotherAccountIsLimitedThenStillForwards() throws Exception {
		signIn("30943_02");
		int[] forwarded = { 0 };
		this.filter.filter(request(), (r) -> ok(forwarded));
		this.filter.filter(request(), (r) -> ok(forwarded));
		this.filter.filter(request(), (r) -> ok(forwarded));

		signIn("30944_01");
		ServerResponse other = this.filter.filter(request(), (r) -> ok(forwarded));

		assertThat(other.statusCode()).isEqualTo(HttpStatus.OK);
	}

	private static void signIn(String username) {
		SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(username, "n/a", "USER"));
	}

	private static ServerRequest request() {
		return ServerRequest.create(new MockHttpServletRequest("GET", "/api/reports/my-work"), List.of());
	}

	private static ServerResponse ok(int[] forwarded) {
		forwarded[0]++;
		return ServerResponse.ok().build();
	}

}
