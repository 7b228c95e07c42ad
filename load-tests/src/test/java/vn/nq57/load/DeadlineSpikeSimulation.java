package vn.nq57.load;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.doIfOrElse;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jmesPath;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.ByteArrayBodyPart;
import static io.gatling.javaapi.http.HttpDsl.Cookie;
import static io.gatling.javaapi.http.HttpDsl.CookieKey;
import static io.gatling.javaapi.http.HttpDsl.addCookie;
import static io.gatling.javaapi.http.HttpDsl.flushCookieJar;
import static io.gatling.javaapi.http.HttpDsl.getCookieValue;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * Scenario 1 of issue #9, the deadline spike: every commune (open model,
 * {@code load.rate} new communes per second) signs in as {@code <unit>_01}, opens its
 * report, saves a draft once or twice, attaches a PDF and submits; its leader
 * {@code <unit>_02} signs in and approves; the province's supervisor evaluates (P–R).
 * <p>
 * The 34 province supervisors sign in once, before the spike, as a person does at the
 * start of the day, and evaluate from those sessions: one sign-in per evaluation would be
 * a load no province makes. Every success answer of a state change goes to the
 * {@link Ledger}.
 */
public class DeadlineSpikeSimulation extends Simulation {

	private static final String VN_DATE_PATTERN = "[?closeDate=='%s' && periodKind=='DAY'].reportId | [0]";

	/**
	 * Province code to its supervisor's gateway cookies: {@code NQ57_SESSION},
	 * {@code XSRF-TOKEN}.
	 */
	private static final Map<String, Map<String, String>> PROVINCE_SESSIONS = new ConcurrentHashMap<>();

	private final List<Map<String, Object>> communes = Units.communes(LoadSettings.communes());

	private final List<String> provinces = Units.provinces(this.communes);

	private final LocalDate closeDate = LoadSettings.closeDate();

	{
		double rate = LoadSettings.rate();
		long seconds = Math.max(1, Math.round(this.communes.size() / rate));
		setUp(provinceSignIn().injectOpen(rampUsers(this.provinces.size()).during(Duration.ofSeconds(10)))
			.andThen(spike().injectOpen(rampUsers(this.communes.size()).during(Duration.ofSeconds(seconds)))))
			.protocols(Browsers.protocol())
			.maxDuration(Duration.ofSeconds(LoadSettings.maxDurationSeconds()));
	}

	@Override
	public void before() {
		Ledger.open(LoadSettings.ledger());
		System.out.printf("Deadline spike '%s': %d communes at %.1f/s, %d provinces, reports closing %s%n",
				LoadSettings.label(), this.communes.size(), LoadSettings.rate(), this.provinces.size(), this.closeDate);
	}

	@Override
	public void after() {
		Ledger.close();
	}

	private ScenarioBuilder provinceSignIn() {
		List<Map<String, Object>> accounts = this.provinces.stream()
			.map((code) -> Map.<String, Object>of("province", code, "account", "tinh_" + code))
			.toList();
		return scenario("0 province supervisors sign in").feed(listFeeder(accounts).queue())
			.exec(Browsers.signIn("0 province"))
			.exec(http("0 province: my-work").get("/api/reports/my-work").check(status().is(200)))
			.exec(getCookieValue(CookieKey("NQ57_SESSION").saveAs("cookieSession")))
			.exec(getCookieValue(CookieKey("XSRF-TOKEN").saveAs("cookieXsrf")))
			.exec((session) -> {
				if (!session.isFailed()) {
					PROVINCE_SESSIONS.put(session.getString("province"), Map.of("NQ57_SESSION",
							session.getString("cookieSession"), "XSRF-TOKEN", session.getString("cookieXsrf")));
				}
				return session;
			});
	}

	private ScenarioBuilder spike() {
		return scenario("deadline spike").feed(listFeeder(this.communes).queue())
			.exec((session) -> session.set("account", session.getString("unit") + "_01"))
			.exec(dataEntry())
			.exec((session) -> session.set("account", session.getString("unit") + "_02"))
			.exec(leader())
			.exec(province());
	}

	private ChainBuilder dataEntry() {
		return exec(Browsers.signIn("1 data entry"))
			.exec(http("1 data entry: my-work").get("/api/reports/my-work")
				.check(status().is(200), jmesPath(VN_DATE_PATTERN.formatted(this.closeDate)).saveAs("reportId")))
			.exitHereIfFailed()
			.exec(getCookieValue(CookieKey("XSRF-TOKEN").saveAs("xsrf")))
			.exec(http("1 data entry: open report").get("/api/reports/#{reportId}")
				.check(status().is(200), jmesPath("version").ofLong().saveAs("version")))
			.exitHereIfFailed()
			.exec(doIfOrElse((session) -> session.getString("unit").hashCode() % 2 == 0)
				.then(exec(save("1 data entry: save draft 1/2", Browsers.part("B", "G"))).exitHereIfFailed()
					.exec(save("1 data entry: save draft 2/2", Browsers.part("H", "O"))))
				.orElse(exec(save("1 data entry: save draft", Browsers.UNIT_VALUES))))
			.exitHereIfFailed()
			.exec(http("1 data entry: attach file").post("/api/files/reports/#{reportId}/attachments")
				.header("X-XSRF-TOKEN", "#{xsrf}")
				.header("Origin", LoadSettings.gatewayUrl())
				.bodyPart(ByteArrayBodyPart("file", Browsers.PDF).fileName("minh-chung-ngay.pdf")
					.contentType("application/pdf"))
				.check(status().is(201)))
			.exitHereIfFailed()
			.exec(write("1 data entry: submit", "/api/workflow/reports/#{reportId}/submit",
					"{\"message\":\"Kính trình lãnh đạo xem xét\"}")
				.check(status().is(200), jmesPath("state").is("SUBMITTED")))
			.exitHereIfFailed()
			.exec(recorded("SUBMIT"));
	}

	private ChainBuilder leader() {
		return exec(Browsers.signIn("2 leader"))
			.exec(http("2 leader: my-work").get("/api/reports/my-work").check(status().is(200)))
			.exec(getCookieValue(CookieKey("XSRF-TOKEN").saveAs("xsrf")))
			.exitHereIfFailed()
			.exec(write("2 leader: approve", "/api/workflow/reports/#{reportId}/approve",
					"{\"message\":\"Đồng ý, gửi Tỉnh\"}")
				.check(status().is(200), jmesPath("state").is("APPROVED")))
			.exitHereIfFailed()
			.exec(recorded("APPROVE"));
	}

	private ChainBuilder province() {
		return exec(flushCookieJar()).exec((session) -> {
			Map<String, String> cookies = PROVINCE_SESSIONS.get(session.getString("province"));
			if (cookies == null) {
				return session.markAsFailed();
			}
			return session.set("cookieSession", cookies.get("NQ57_SESSION")).set("xsrf", cookies.get("XSRF-TOKEN"));
		})
			.exitHereIfFailed()
			.exec(addCookie(Cookie("NQ57_SESSION", "#{cookieSession}").withDomain("localhost").withPath("/")))
			.exec(addCookie(Cookie("XSRF-TOKEN", "#{xsrf}").withDomain("localhost").withPath("/")))
			.exec(http("3 province: open report").get("/api/reports/#{reportId}")
				.check(status().is(200), jmesPath("version").ofLong().saveAs("version")))
			.exitHereIfFailed()
			.exec(http("3 province: evaluate").put("/api/reports/#{reportId}/values")
				.header("X-XSRF-TOKEN", "#{xsrf}")
				.header("Origin", LoadSettings.gatewayUrl())
				.header("Content-Type", "application/json")
				.body(StringBody((session) -> Browsers.valuesJson(session.getLong("version"),
						Map.of("P", "Nguyễn Thị Hoa", "Q", "Đã triển khai đầy đủ, đúng tiến độ.", "R", "Đạt yêu cầu"))))
				.check(status().is(200)))
			.exitHereIfFailed()
			.exec(recorded("EVALUATE"));
	}

	private static ChainBuilder save(String name, Map<String, String> values) {
		return exec(http(name).put("/api/reports/#{reportId}/values")
			.header("X-XSRF-TOKEN", "#{xsrf}")
			.header("Origin", LoadSettings.gatewayUrl())
			.header("Content-Type", "application/json")
			.body(StringBody((session) -> Browsers.valuesJson(session.getLong("version"), values)))
			.check(status().is(200), jmesPath("version").ofLong().saveAs("version")));
	}

	private static io.gatling.javaapi.http.HttpRequestActionBuilder write(String name, String path, String json) {
		return http(name).post(path)
			.header("X-XSRF-TOKEN", "#{xsrf}")
			.header("Origin", LoadSettings.gatewayUrl())
			.header("Content-Type", "application/json")
			.body(StringBody(json));
	}

	private static ChainBuilder recorded(String action) {
		return exec((session) -> {
			if (!session.isFailed()) {
				Ledger.record(session.getString("reportId"), session.getString("unit"), action);
			}
			return session;
		});
	}

}
