package vn.nq57.load;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Sign-ins outside Gatling, for the gateway-overhead scenario's pool: a gateway session
 * (the browser flow) and, for the direct calls, an access token of the same account from
 * identity-service by the authorization-code flow with PKCE, as the gateway's client (the
 * local stack's documented client and secret). The token is the very kind the gateway
 * relays to report-service, so both paths are checked the same way.
 */
final class PlainSignIn {

	private static final Pattern CSRF_INPUT = Pattern.compile("<input[^>]*name=\"_csrf\"[^>]*>");

	private static final Pattern VALUE = Pattern.compile("value=\"([^\"]*)\"");

	private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

	private static final String CLIENT_ID = "nq57-gateway";

	private static final String CLIENT_SECRET = "nq57-gateway-local-secret";

	private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

	private final HttpClient http = HttpClient.newBuilder()
		.cookieHandler(this.cookies)
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(10))
		.version(HttpClient.Version.HTTP_1_1)
		.build();

	/**
	 * Signs in through the gateway as a browser does.
	 * @param account the username
	 * @return the gateway's {@code NQ57_SESSION} and {@code XSRF-TOKEN} cookies
	 */
	static Map<String, String> gatewaySession(String account) {
		PlainSignIn browser = new PlainSignIn();
		String gateway = LoadSettings.gatewayUrl();
		HttpResponse<String> page = browser.follow(URI.create(gateway + "/oauth2/authorization/nq57"), null);
		String csrf = csrf(page.body());
		browser.follow(URI.create(gateway + "/auth/login"),
				form(Map.of("username", account, "password", LoadSettings.DEMO_PASSWORD, "_csrf", csrf)));
		HttpResponse<String> work = browser.follow(URI.create(gateway + "/api/reports/my-work"), null);
		if (work.statusCode() != 200) {
			throw new IllegalStateException("Sign-in of " + account + " failed: " + work.statusCode());
		}
		return Map.of("NQ57_SESSION", browser.cookie("NQ57_SESSION"), "XSRF-TOKEN", browser.cookie("XSRF-TOKEN"),
				"myWork", work.body());
	}

	/**
	 * An access token from identity-service directly, by the authorization-code flow with
	 * PKCE.
	 * @param account the username
	 * @return the access token
	 */
	static String accessToken(String account) {
		PlainSignIn browser = new PlainSignIn();
		String identity = LoadSettings.identityUrl();
		String redirectUri = LoadSettings.gatewayUrl() + "/login/oauth2/code/nq57";
		String verifier = random();
		String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(verifier));
		String authorize = identity + "/auth/oauth2/authorize?response_type=code&client_id=" + CLIENT_ID + "&scope="
				+ enc("openid profile") + "&redirect_uri=" + enc(redirectUri) + "&state=" + random()
				+ "&code_challenge=" + challenge + "&code_challenge_method=S256";
		HttpResponse<String> page = browser.follow(URI.create(authorize), null);
		String csrf = csrf(page.body());
		String login = page.uri().toString().replaceAll("\\?.*$", "");
		HttpResponse<String> landed = browser.followUntil(URI.create(login),
				form(Map.of("username", account, "password", LoadSettings.DEMO_PASSWORD, "_csrf", csrf)), redirectUri);
		String location = landed.headers().firstValue("Location").orElse("");
		Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(location);
		if (!location.startsWith(redirectUri) || !code.find()) {
			throw new IllegalStateException("No authorization code for " + account + ": " + landed.statusCode());
		}
		String basic = Base64.getEncoder()
			.encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
		HttpRequest token = HttpRequest.newBuilder(URI.create(identity + "/auth/oauth2/token"))
			.header("Authorization", "Basic " + basic)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "authorization_code", "code",
					java.net.URLDecoder.decode(code.group(1), StandardCharsets.UTF_8), "redirect_uri", redirectUri,
					"code_verifier", verifier))))
			.build();
		HttpResponse<String> answer = browser.send(token);
		Matcher accessToken = ACCESS_TOKEN.matcher(answer.body());
		if (answer.statusCode() != 200 || !accessToken.find()) {
			throw new IllegalStateException("Token request for " + account + " failed: " + answer.statusCode());
		}
		return accessToken.group(1);
	}

	private HttpResponse<String> follow(URI uri, String form) {
		return followUntil(uri, form, null);
	}

	/** Follows redirects (at most 20), stopping before one to {@code stopAt}. */
	private HttpResponse<String> followUntil(URI uri, String form, String stopAt) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
		if (form != null) {
			request.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form));
		}
		HttpResponse<String> response = send(request.build());
		for (int hop = 0; hop < 20 && response.statusCode() / 100 == 3; hop++) {
			String location = response.headers().firstValue("Location").orElseThrow();
			URI next = response.uri().resolve(location);
			if (stopAt != null && next.toString().startsWith(stopAt)) {
				return response;
			}
			response = send(HttpRequest.newBuilder(next).timeout(Duration.ofSeconds(30)).build());
		}
		return response;
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new IllegalStateException(request.uri() + ": " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

	private String cookie(String name) {
		return this.cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter((cookie) -> cookie.getName().equals(name))
			.map(HttpCookie::getValue)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("No cookie " + name));
	}

	private static String csrf(String page) {
		Matcher input = CSRF_INPUT.matcher(page);
		if (!input.find()) {
			throw new IllegalStateException("No _csrf field on the login page");
		}
		Matcher value = VALUE.matcher(input.group());
		if (!value.find()) {
			throw new IllegalStateException("The _csrf field has no value");
		}
		return value.group(1);
	}

	private static String form(Map<String, String> fields) {
		return fields.entrySet()
			.stream()
			.map((entry) -> entry.getKey() + "=" + enc(entry.getValue()))
			.collect(Collectors.joining("&"));
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static String random() {
		byte[] bytes = new byte[32];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
