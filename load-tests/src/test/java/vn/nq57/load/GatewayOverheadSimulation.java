package vn.nq57.load;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.doIfOrElse;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jmesPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.Cookie;
import static io.gatling.javaapi.http.HttpDsl.addCookie;
import static io.gatling.javaapi.http.HttpDsl.flushCookieJar;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * Scenario 2 of issue #9, the gateway's overhead: the same read ({@code GET
 * /api/reports/{id}}) and write ({@code PUT /api/reports/{id}/values}) of report-service,
 * once through the gateway with the browser's session cookie and XSRF token, once
 * directly with a bearer token of the same account, at a fixed rate of new users (open
 * model). Half of the users go through the gateway first, half directly first.
 * <p>
 * A pool of communes signs in beforehand (both ways); each user borrows one commune for
 * its four calls, so no two users write one report at once.
 */
public class GatewayOverheadSimulation extends Simulation {

	private static final Pattern REPORT_ID = Pattern.compile("\"reportId\"\\s*:\\s*\"([0-9a-f-]{36})\"");

	private final ConcurrentLinkedQueue<Map<String, Object>> free = new ConcurrentLinkedQueue<>();

	private final List<Map<String, Object>> pool = new ArrayList<>();

	{
		setUp(overhead().injectOpen(constantUsersPerSec(LoadSettings.overheadRate())
			.during(Duration.ofSeconds(LoadSettings.overheadSeconds())))).protocols(Browsers.protocol())
			.maxDuration(Duration.ofSeconds(LoadSettings.overheadSeconds() + 120L));
	}

	@Override
	public void before() {
		System.out.printf("Gateway overhead on %s (direct: %s), signing in %d communes%n", LoadSettings.gatewayUrl(),
				LoadSettings.reportUrl(), LoadSettings.overheadPool());
		LocalDate closeDate = LoadSettings.closeDate();
		List<Map<String, Object>> communes = Units.communes(LoadSettings.overheadPool());
		for (Map<String, Object> commune : communes) {
			String account = commune.get("unit") + "_01";
			Map<String, String> session = PlainSignIn.gatewaySession(account);
			String reportId = todaysReport(session.get("myWork"), closeDate);
			this.pool.add(Map.<String, Object>of("reportId", reportId, "cookieSession", session.get("NQ57_SESSION"),
					"xsrf", session.get("XSRF-TOKEN"), "token", PlainSignIn.accessToken(account)));
		}
		this.free.addAll(this.pool);
		System.out.printf("Gateway overhead: %d communes signed in both ways; %.1f users/s for %d s%n",
				this.pool.size(), LoadSettings.overheadRate(), LoadSettings.overheadSeconds());
	}

	private static String todaysReport(String myWork, LocalDate closeDate) {
		for (String item : myWork.split("\\},\\{")) {
			Matcher id = REPORT_ID.matcher(item);
			if (item.contains("\"closeDate\":\"" + closeDate + "\"") && item.contains("\"periodKind\":\"DAY\"")
					&& id.find()) {
				return id.group(1);
			}
		}
		throw new IllegalStateException("No daily report closing " + closeDate + " in " + myWork);
	}

	private ScenarioBuilder overhead() {
		// Waits (outside any measured request) until a commune is free: two users never
		// write one report at once, so a 409 cannot come from the test itself.
		return scenario("gateway overhead").asLongAs((session) -> !session.contains("borrowed")).on(exec((session) -> {
			Map<String, Object> commune = this.free.poll();
			return (commune != null) ? session.setAll(commune).set("borrowed", commune) : session;
		}).doIf((session) -> !session.contains("borrowed")).then(pause(Duration.ofMillis(100))))
			.exec(flushCookieJar())
			.exec(addCookie(Cookie("NQ57_SESSION", "#{cookieSession}").withDomain("localhost").withPath("/")))
			.exec(addCookie(Cookie("XSRF-TOKEN", "#{xsrf}").withDomain("localhost").withPath("/")))
			.exec(doIfOrElse((session) -> session.userId() % 2 == 0).then(exec(gateway(), direct()))
				.orElse(exec(direct(), gateway())))
			.exec((session) -> {
				Map<String, Object> commune = session.get("borrowed");
				this.free.add(commune);
				return session;
			});
	}

	private static ChainBuilder gateway() {
		return exec(http("read via gateway").get("/api/reports/#{reportId}")
			.check(status().is(200), jmesPath("version").ofLong().saveAs("version")))
			.exitHereIfFailed()
			.exec(http("write via gateway").put("/api/reports/#{reportId}/values")
				.header("X-XSRF-TOKEN", "#{xsrf}")
				.header("Origin", LoadSettings.gatewayUrl())
				.header("Content-Type", "application/json")
				.body(StringBody(GatewayOverheadSimulation::note))
				.check(status().is(200)));
	}

	private static ChainBuilder direct() {
		String report = LoadSettings.reportUrl();
		return exec(http("read direct").get(report + "/api/reports/#{reportId}")
			.header("Authorization", "Bearer #{token}")
			.check(status().is(200), jmesPath("version").ofLong().saveAs("version")))
			.exitHereIfFailed()
			.exec(http("write direct").put(report + "/api/reports/#{reportId}/values")
				.header("Authorization", "Bearer #{token}")
				.header("Content-Type", "application/json")
				.body(StringBody(GatewayOverheadSimulation::note))
				.check(status().is(200)));
	}

	private static String note(io.gatling.javaapi.core.Session session) {
		return Browsers.valuesJson(session.getLong("version"),
				Map.of("N", "Ghi chú " + ThreadLocalRandom.current().nextInt(1_000_000)));
	}

}
