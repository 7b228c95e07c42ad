package vn.nq57.identity;

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
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

import vn.nq57.standin.StandInProviders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one Spring context of this module's tests: the whole service on a random port, in
 * demo mode, against the shared real PostgreSQL and Kafka. Tests speak HTTP to it like a
 * browser and the gateway would, cookies included.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "nq57.identity.demo.enabled=true", "nq57.identity.demo.password=" + IdentityServiceTest.PASSWORD,
				"nq57.identity.demo.cccd.30607_01=079199000001" })
public abstract class IdentityServiceTest {

	/** The demo password every account has in these tests. */
	public static final String PASSWORD = "nq57-demo-2025";

	/** The gateway's client id. */
	public static final String GATEWAY = "nq57-gateway";

	/** The gateway's local secret. */
	public static final String GATEWAY_SECRET = "nq57-gateway-local-secret";

	/** The gateway's redirect URI. */
	public static final String REDIRECT_URI = "http://localhost:8080/login/oauth2/code/nq57";

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final Map<String, Tokens> tokensByUser = new ConcurrentHashMap<>();

	/** The stand-in SSO and VNeID providers, one pair per test JVM. */
	protected static final StandInProviders standIn = startStandIn();

	/** A real SMTP server (GreenMail), one per test JVM. */
	protected static final GreenMail mailServer = startMailServer();

	@DynamicPropertySource
	static void federationAndMail(DynamicPropertyRegistry registry) {
		for (StandInProviders.Kind kind : StandInProviders.Kind.values()) {
			String prefix = "nq57.identity.federation." + kind.path() + ".";
			registry.add(prefix + "issuer", () -> standIn.issuer(kind).toString());
			registry.add(prefix + "client-id", () -> STAND_IN_CLIENT);
			registry.add(prefix + "client-secret", () -> STAND_IN_SECRET);
			registry.add(prefix + "stand-in", () -> "true");
		}
		registry.add("spring.mail.host", () -> "localhost");
		registry.add("spring.mail.port", () -> mailServer.getSmtp().getPort());
	}

	private static final String STAND_IN_CLIENT = "nq57-identity";

	private static final String STAND_IN_SECRET = "nq57-standin-test-secret";

	private static StandInProviders startStandIn() {
		try {
			return StandInProviders.start(
					new StandInProviders.Settings(0, STAND_IN_CLIENT, STAND_IN_SECRET, List.of("http://localhost:")));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static GreenMail startMailServer() {
		GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
		mail.start();
		return mail;
	}

	@LocalServerPort
	protected int port;

	@Autowired
	protected JdbcClient jdbc;

	@Autowired
	protected JsonMapper json;

	/**
	 * The address of a path under the context path.
	 * @param path for example {@code /login}
	 * @return the absolute URI
	 */
	protected URI uri(String path) {
		return URI.create("http://localhost:" + this.port + "/auth" + path);
	}

	/**
	 * A new browser with its own cookie jar that does not follow redirects.
	 * @return the browser
	 */
	protected Browser browser() {
		return new Browser();
	}

	/**
	 * Tokens of the account obtained once per test JVM through the whole
	 * authorization-code flow with PKCE.
	 * @param username the account
	 * @return its tokens
	 */
	protected Tokens tokensFor(String username) {
		return tokensByUser.computeIfAbsent(username, (name) -> signIn(browser(), name).tokens());
	}

	/**
	 * Runs the authorization-code flow with PKCE through the login form, as the gateway
	 * and a browser do, and exchanges the code.
	 * @param browser the browser
	 * @param username the account
	 * @return the tokens and the browser's session
	 */
	protected SignIn signIn(Browser browser, String username) {
		return signIn(browser, username, PASSWORD);
	}

	/**
	 * Runs the authorization-code flow with PKCE with the given password.
	 * @param browser the browser
	 * @param username the account
	 * @param password its password
	 * @return the tokens and the browser's session
	 */
	protected SignIn signIn(Browser browser, String username, String password) {
		AuthorizationRequest request = authorizationRequest();

		HttpResponse<String> toLogin = browser.get(request.uri());
		assertThat(toLogin.statusCode()).isEqualTo(302);
		assertThat(location(toLogin)).endsWith("/auth/login");

		HttpResponse<String> afterLogin = browser.submitLogin(this, username, password);
		assertThat(afterLogin.statusCode()).isEqualTo(302);
		assertThat(location(afterLogin)).contains("/auth/oauth2/authorize");

		HttpResponse<String> toClient = browser.get(URI.create(location(afterLogin)));
		assertThat(toClient.statusCode()).isEqualTo(302);
		return new SignIn(exchange(request, URI.create(location(toClient))), request.nonce());
	}

	/**
	 * A new authorization request of the gateway, with PKCE, state and nonce.
	 * @return the request
	 */
	protected AuthorizationRequest authorizationRequest() {
		String verifier = randomUrlSafe(32);
		String state = randomUrlSafe(16);
		String nonce = randomUrlSafe(16);
		Map<String, String> authorize = new LinkedHashMap<>();
		authorize.put("response_type", "code");
		authorize.put("client_id", GATEWAY);
		authorize.put("redirect_uri", REDIRECT_URI);
		authorize.put("scope", "openid profile");
		authorize.put("state", state);
		authorize.put("nonce", nonce);
		authorize.put("code_challenge", s256(verifier));
		authorize.put("code_challenge_method", "S256");
		return new AuthorizationRequest(uri("/oauth2/authorize?" + form(authorize)), verifier, state, nonce);
	}

	/**
	 * Checks the callback the browser was sent to and exchanges its code for tokens.
	 * @param request the authorization request
	 * @param callback where the authorization endpoint redirected the browser
	 * @return the tokens
	 */
	protected Tokens exchange(AuthorizationRequest request, URI callback) {
		assertThat(callback.toString()).startsWith(REDIRECT_URI + "?");
		Map<String, String> callbackParams = query(callback);
		assertThat(callbackParams).containsEntry("state", request.state());

		Map<String, String> exchange = new LinkedHashMap<>();
		exchange.put("grant_type", "authorization_code");
		exchange.put("code", callbackParams.get("code"));
		exchange.put("redirect_uri", REDIRECT_URI);
		exchange.put("code_verifier", request.verifier());
		HttpResponse<String> tokenResponse = tokenRequest(GATEWAY, GATEWAY_SECRET, exchange);
		assertThat(tokenResponse.statusCode()).as(tokenResponse.body()).isEqualTo(200);
		JsonNode body = this.json.readTree(tokenResponse.body());
		return new Tokens(body.get("access_token").asString(), body.get("refresh_token").asString(),
				body.get("id_token").asString());
	}

	/**
	 * Calls an API path with a bearer token and a method.
	 * @param method the method, for example {@code POST}
	 * @param path the path under {@code /auth}
	 * @param accessToken the token
	 * @return the response
	 */
	protected HttpResponse<String> api(String method, String path, String accessToken) {
		HttpRequest request = HttpRequest.newBuilder(uri(path))
			.header("Accept", "application/json")
			.header("Authorization", "Bearer " + accessToken)
			.method(method, HttpRequest.BodyPublishers.noBody())
			.build();
		return send(HttpClient.newHttpClient(), request);
	}

	/**
	 * Calls the token endpoint with HTTP basic client authentication.
	 * @param clientId the client id
	 * @param secret the client secret
	 * @param parameters the form parameters
	 * @return the response
	 */
	protected HttpResponse<String> tokenRequest(String clientId, String secret, Map<String, String> parameters) {
		return clientRequest("/oauth2/token", clientId, secret, parameters);
	}

	/**
	 * Posts a form to an endpoint of the authorization server as a client
	 * ({@code client_secret_basic}).
	 * @param path the endpoint under {@code /auth}, e.g. {@code /oauth2/introspect}
	 * @param clientId the client
	 * @param secret its secret
	 * @param parameters the form parameters
	 * @return the response
	 */
	protected HttpResponse<String> clientRequest(String path, String clientId, String secret,
			Map<String, String> parameters) {
		String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest.newBuilder(uri(path))
			.header("Authorization", "Basic " + basic)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form(parameters)))
			.build();
		return send(HttpClient.newHttpClient(), request);
	}

	/**
	 * Calls an API path with a bearer token.
	 * @param path the path under {@code /auth}
	 * @param accessToken the token, or {@code null} for none
	 * @return the response
	 */
	protected HttpResponse<String> api(String path, @Nullable String accessToken) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Accept", "application/json");
		if (accessToken != null) {
			request.header("Authorization", "Bearer " + accessToken);
		}
		return send(HttpClient.newHttpClient(), request.GET().build());
	}

	/**
	 * A GET with no {@code Accept} header, as a probe or a metrics scraper sends it.
	 * @param path the path under {@code /auth}
	 * @return the response
	 */
	protected HttpResponse<String> plainGet(String path) {
		return send(HttpClient.newHttpClient(), HttpRequest.newBuilder(uri(path)).GET().build());
	}

	protected JsonNode readJson(HttpResponse<String> response) {
		return this.json.readTree(response.body());
	}

	protected static String location(HttpResponse<?> response) {
		return response.headers().firstValue("Location").orElseThrow();
	}

	protected static Map<String, String> query(URI uri) {
		Map<String, String> params = new LinkedHashMap<>();
		for (String pair : uri.getRawQuery().split("&")) {
			int eq = pair.indexOf('=');
			params.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
		}
		return params;
	}

	protected static String form(Map<String, String> parameters) {
		return parameters.entrySet()
			.stream()
			.map((entry) -> URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	private static String decode(String value) {
		return java.net.URLDecoder.decode(value, StandardCharsets.UTF_8);
	}

	private static String randomUrlSafe(int bytes) {
		byte[] random = new byte[bytes];
		new SecureRandom().nextBytes(random);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
	}

	private static String s256(String verifier) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static HttpResponse<String> send(HttpClient client, HttpRequest request) {
		try {
			return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The tokens of one sign-in.
	 *
	 * @param accessToken the access token
	 * @param refreshToken the refresh token
	 * @param idToken the ID token
	 */
	public record Tokens(String accessToken, String refreshToken, String idToken) {
	}

	/**
	 * An authorization request as the gateway sends it.
	 *
	 * @param uri the authorization endpoint with every parameter
	 * @param verifier the PKCE verifier
	 * @param state the state
	 * @param nonce the nonce
	 */
	public record AuthorizationRequest(URI uri, String verifier, String state, String nonce) {
	}

	/**
	 * The result of a sign-in.
	 *
	 * @param tokens the tokens
	 * @param nonce the nonce sent with the authorization request
	 */
	public record SignIn(Tokens tokens, String nonce) {
	}

	/**
	 * A browser: keeps cookies, never follows redirects.
	 */
	public static final class Browser {

		private static final SecureRandom addresses = new SecureRandom();

		private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

		/**
		 * The client address the gateway reports for this browser
		 * ({@code X-Forwarded-For}), distinct per browser so that lockouts per address of
		 * one test do not reach another.
		 */
		private final String address;

		public Browser() {
			this("10.57." + addresses.nextInt(256) + "." + (1 + addresses.nextInt(254)));
		}

		public Browser(String address) {
			this.address = address;
		}

		/**
		 * The value of a cookie this browser holds.
		 * @param name the cookie name
		 * @return the value, or {@code null}
		 */
		public @Nullable String cookie(String name) {
			return this.cookies.getCookieStore()
				.getCookies()
				.stream()
				.filter((cookie) -> cookie.getName().equals(name))
				.map(HttpCookie::getValue)
				.findFirst()
				.orElse(null);
		}

		private final HttpClient client = HttpClient.newBuilder()
			.cookieHandler(this.cookies)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();

		/**
		 * GET as a browser does ({@code Accept: text/html}).
		 * @param uri the address
		 * @return the response
		 */
		public HttpResponse<String> get(URI uri) {
			return send(this.client,
					HttpRequest.newBuilder(uri)
						.header("Accept", "text/html")
						.header("X-Forwarded-For", this.address)
						.GET()
						.build());
		}

		/**
		 * POSTs a form.
		 * @param uri the address
		 * @param parameters the fields
		 * @return the response
		 */
		public HttpResponse<String> post(URI uri, Map<String, String> parameters) {
			return send(this.client,
					HttpRequest.newBuilder(uri)
						.header("Accept", "text/html")
						.header("X-Forwarded-For", this.address)
						.header("Content-Type", "application/x-www-form-urlencoded")
						.POST(HttpRequest.BodyPublishers.ofString(form(parameters)))
						.build());
		}

		/**
		 * Opens the login page and submits the form with its CSRF token.
		 * @param test the test, for addresses
		 * @param username the username typed
		 * @param password the password typed
		 * @return the response to the form
		 */
		public HttpResponse<String> submitLogin(IdentityServiceTest test, String username, String password) {
			Map<String, String> fields = new LinkedHashMap<>();
			fields.put("username", username);
			fields.put("password", password);
			return submitForm(test, "/login", "/login", fields);
		}

		/**
		 * Opens a page and submits its form with the page's CSRF token.
		 * @param test the test, for addresses
		 * @param page the page's path
		 * @param action the form's path
		 * @param fields the fields typed
		 * @return the response to the form
		 */
		public HttpResponse<String> submitForm(IdentityServiceTest test, String page, String action,
				Map<String, String> fields) {
			HttpResponse<String> opened = get(test.uri(page));
			assertThat(opened.statusCode()).as("GET " + page).isEqualTo(200);
			Matcher csrf = CSRF.matcher(opened.body());
			assertThat(csrf.find()).as("the form carries a CSRF token").isTrue();
			Map<String, String> withToken = new LinkedHashMap<>(fields);
			withToken.put("_csrf", csrf.group(1));
			return post(test.uri(action), withToken);
		}

	}

}
