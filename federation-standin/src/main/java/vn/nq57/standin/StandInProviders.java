package vn.nq57.standin;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.jspecify.annotations.Nullable;

/**
 * STAND-IN ONLY: two minimal OpenID Connect providers in one small HTTP server, standing
 * in for the national SSO ({@code /sso}, the tester types a username) and VNeID
 * ({@code /vneid}, the tester types a CCCD) so that federated sign-in runs on the local
 * stack and in tests. Every page carries the banner {@value #BANNER}. There is no
 * password: whoever reaches it can claim any identity, so it must never be reachable
 * outside a developer's machine or a test.
 * <p>
 * Supported: discovery, the authorization-code flow with state, nonce and PKCE (S256),
 * client authentication by HTTP basic or form, RS256 ID tokens from a key generated at
 * start, the JWK set and userinfo. Codes work once and for one minute.
 */
public final class StandInProviders implements AutoCloseable {

	/** The banner every page of the stand-in shows. */
	public static final String BANNER = "Máy chủ giả lập — chỉ dùng để thử nghiệm";

	/** The claim carrying the CCCD in the stand-in VNeID's ID tokens. */
	public static final String CCCD_CLAIM = "cccd";

	/** The claim carrying the username in the stand-in SSO's ID tokens. */
	public static final String USERNAME_CLAIM = "preferred_username";

	private static final Duration CODE_TTL = Duration.ofMinutes(1);

	private static final Duration TOKEN_TTL = Duration.ofMinutes(5);

	private final HttpServer server;

	private final ExecutorService executor;

	private final Settings settings;

	private final RSAKey key;

	private final SecureRandom random = new SecureRandom();

	private final Map<String, Grant> codes = new ConcurrentHashMap<>();

	private final Map<String, Map<String, Object>> accessTokens = new ConcurrentHashMap<>();

	private StandInProviders(Settings settings) throws IOException {
		this.settings = settings;
		try {
			this.key = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE)
				.keyID(UUID.randomUUID().toString())
				.generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), settings.port()), 50);
		this.executor = Executors.newFixedThreadPool(4);
		this.server.setExecutor(this.executor);
		for (Kind kind : Kind.values()) {
			this.server.createContext("/" + kind.path() + "/", (exchange) -> handle(kind, exchange));
		}
		this.server.start();
	}

	/**
	 * Starts the stand-in providers.
	 * @param settings port, client and allowed redirects
	 * @return the running server; close it to stop
	 * @throws IOException if the port cannot be bound
	 */
	public static StandInProviders start(Settings settings) throws IOException {
		return new StandInProviders(settings);
	}

	/**
	 * Runs the stand-in from the command line (the local stack does). Settings from the
	 * environment: {@code NQ57_STANDIN_PORT} (9500), {@code NQ57_STANDIN_CLIENT_ID}
	 * ({@code nq57-identity}), {@code NQ57_STANDIN_CLIENT_SECRET}
	 * ({@code nq57-standin-local-secret}), {@code NQ57_STANDIN_REDIRECT_PREFIX}
	 * ({@code http://localhost:8080/auth/login/oauth2/code/}).
	 * @param args none
	 * @throws IOException if the port cannot be bound
	 */
	public static void main(String[] args) throws IOException {
		Settings settings = new Settings(Integer.parseInt(env("NQ57_STANDIN_PORT", "9500")),
				env("NQ57_STANDIN_CLIENT_ID", "nq57-identity"),
				env("NQ57_STANDIN_CLIENT_SECRET", "nq57-standin-local-secret"),
				List.of(env("NQ57_STANDIN_REDIRECT_PREFIX", "http://localhost:8080/auth/login/oauth2/code/")));
		StandInProviders providers = start(settings);
		Runtime.getRuntime().addShutdownHook(new Thread(providers::close));
		System.out.println("STAND-IN identity providers (" + BANNER + ") at " + providers.issuer(Kind.SSO) + " and "
				+ providers.issuer(Kind.VNEID));
	}

	/**
	 * The issuer of one stand-in provider.
	 * @param kind which provider
	 * @return for example {@code http://localhost:9500/vneid}
	 */
	public URI issuer(Kind kind) {
		return URI.create("http://localhost:" + this.server.getAddress().getPort() + "/" + kind.path());
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	private void handle(Kind kind, HttpExchange exchange) throws IOException {
		try (exchange) {
			String path = exchange.getRequestURI().getPath().substring(kind.path().length() + 1);
			String method = exchange.getRequestMethod();
			switch (path) {
				case "/.well-known/openid-configuration" -> json(exchange, 200, discovery(kind));
				case "/jwks" -> json(exchange, 200, new JWKSet(this.key.toPublicJWK()).toJSONObject());
				case "/authorize" -> {
					if ("POST".equals(method)) {
						authorize(kind, exchange, form(body(exchange)));
					}
					else {
						authorizePage(kind, exchange, form(exchange.getRequestURI().getRawQuery()));
					}
				}
				case "/token" -> token(kind, exchange);
				case "/userinfo" -> userinfo(exchange);
				default -> text(exchange, 404, "Not found");
			}
		}
		catch (RuntimeException ex) {
			text(exchange, 500, "Stand-in provider error: " + ex.getClass().getSimpleName());
		}
	}

	private Map<String, Object> discovery(Kind kind) {
		String issuer = issuer(kind).toString();
		Map<String, Object> configuration = new LinkedHashMap<>();
		configuration.put("issuer", issuer);
		configuration.put("authorization_endpoint", issuer + "/authorize");
		configuration.put("token_endpoint", issuer + "/token");
		configuration.put("userinfo_endpoint", issuer + "/userinfo");
		configuration.put("jwks_uri", issuer + "/jwks");
		configuration.put("response_types_supported", List.of("code"));
		configuration.put("grant_types_supported", List.of("authorization_code"));
		configuration.put("subject_types_supported", List.of("public"));
		configuration.put("id_token_signing_alg_values_supported", List.of("RS256"));
		configuration.put("scopes_supported", List.of("openid", "profile"));
		configuration.put("token_endpoint_auth_methods_supported",
				List.of("client_secret_basic", "client_secret_post"));
		configuration.put("code_challenge_methods_supported", List.of("S256"));
		configuration.put("claims_supported", List.of("sub", "name", kind.claim()));
		return configuration;
	}

	private void authorizePage(Kind kind, HttpExchange exchange, Map<String, String> request) throws IOException {
		String problem = checkAuthorizationRequest(request);
		if (problem != null) {
			page(exchange, 400, "<p class=\"error\">" + escape(problem) + "</p>");
			return;
		}
		StringBuilder hidden = new StringBuilder();
		for (String name : List.of("client_id", "redirect_uri", "scope", "state", "nonce", "code_challenge",
				"code_challenge_method")) {
			String value = request.get(name);
			if (value != null) {
				hidden.append("<input type=\"hidden\" name=\"")
					.append(name)
					.append("\" value=\"")
					.append(escape(value))
					.append("\">");
			}
		}
		page(exchange, 200, """
				<h2>%s</h2>
				<p>Nhập %s để giả lập một lần đăng nhập. Không cần mật khẩu.</p>
				<form method="post" action="authorize">%s
				<label for="subject">%s</label>
				<input id="subject" name="subject" type="text" required autofocus>
				<label for="name">Họ và tên (tùy chọn)</label>
				<input id="name" name="name" type="text">
				<button type="submit">Đăng nhập</button>
				</form>
				""".formatted(escape(kind.title()), escape(kind.prompt()), hidden, escape(kind.label())));
	}

	private void authorize(Kind kind, HttpExchange exchange, Map<String, String> request) throws IOException {
		String problem = checkAuthorizationRequest(request);
		String subject = request.getOrDefault("subject", "").strip();
		if (problem == null && subject.isEmpty()) {
			problem = kind.label() + ": bắt buộc nhập.";
		}
		if (problem != null) {
			page(exchange, 400, "<p class=\"error\">" + escape(problem) + "</p>");
			return;
		}
		String code = randomToken();
		this.codes.put(code,
				new Grant(kind, request.get("client_id"), request.get("redirect_uri"), request.get("nonce"),
						request.get("code_challenge"), subject, request.getOrDefault("name", "").strip(),
						Instant.now().plus(CODE_TTL)));
		StringBuilder location = new StringBuilder(request.get("redirect_uri"));
		location.append(request.get("redirect_uri").contains("?") ? '&' : '?').append("code=").append(encode(code));
		if (request.get("state") != null) {
			location.append("&state=").append(encode(request.get("state")));
		}
		exchange.getResponseHeaders().set("Location", location.toString());
		exchange.sendResponseHeaders(302, -1);
	}

	private @Nullable String checkAuthorizationRequest(Map<String, String> request) {
		if (!this.settings.clientId().equals(request.get("client_id"))) {
			return "Unknown client_id";
		}
		String redirect = request.get("redirect_uri");
		if (redirect == null || this.settings.redirectPrefixes().stream().noneMatch(redirect::startsWith)) {
			return "redirect_uri not allowed";
		}
		String scope = request.getOrDefault("scope", "");
		if (!List.of(scope.split(" ")).contains("openid")) {
			return "scope must contain openid";
		}
		return null;
	}

	private void token(Kind kind, HttpExchange exchange) throws IOException {
		Map<String, String> request = form(body(exchange));
		String[] client = clientCredentials(exchange, request);
		if (client == null || !this.settings.clientId().equals(client[0])
				|| !this.settings.clientSecret().equals(client[1])) {
			json(exchange, 401, Map.of("error", "invalid_client"));
			return;
		}
		Grant grant = this.codes.remove(request.getOrDefault("code", ""));
		if (!"authorization_code".equals(request.get("grant_type")) || grant == null || grant.kind() != kind
				|| grant.expiresAt().isBefore(Instant.now()) || !grant.redirectUri().equals(request.get("redirect_uri"))
				|| !proofMatches(grant, request.get("code_verifier"))) {
			json(exchange, 400, Map.of("error", "invalid_grant"));
			return;
		}
		Map<String, Object> claims = new LinkedHashMap<>();
		claims.put("sub", kind.path() + "-" + sha256(grant.subject()).substring(0, 32));
		claims.put(kind.claim(), grant.subject());
		if (!grant.name().isEmpty()) {
			claims.put("name", grant.name());
		}
		String accessToken = randomToken();
		this.accessTokens.put(accessToken, claims);

		Instant now = Instant.now();
		JWTClaimsSet.Builder idToken = new JWTClaimsSet.Builder().issuer(issuer(kind).toString())
			.audience(grant.clientId())
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plus(TOKEN_TTL)));
		claims.forEach(idToken::claim);
		if (grant.nonce() != null) {
			idToken.claim("nonce", grant.nonce());
		}
		Map<String, Object> response = new LinkedHashMap<>();
		response.put("access_token", accessToken);
		response.put("token_type", "Bearer");
		response.put("expires_in", TOKEN_TTL.toSeconds());
		response.put("scope", "openid");
		response.put("id_token", sign(idToken.build()));
		json(exchange, 200, response);
	}

	private void userinfo(HttpExchange exchange) throws IOException {
		String authorization = exchange.getRequestHeaders().getFirst("Authorization");
		Map<String, Object> claims = (authorization != null && authorization.startsWith("Bearer "))
				? this.accessTokens.get(authorization.substring(7)) : null;
		if (claims == null) {
			json(exchange, 401, Map.of("error", "invalid_token"));
			return;
		}
		json(exchange, 200, claims);
	}

	private static boolean proofMatches(Grant grant, @Nullable String verifier) {
		if (grant.codeChallenge() == null) {
			return true;
		}
		if (verifier == null) {
			return false;
		}
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).equals(grant.codeChallenge());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String @Nullable [] clientCredentials(HttpExchange exchange, Map<String, String> request) {
		String authorization = exchange.getRequestHeaders().getFirst("Authorization");
		if (authorization != null && authorization.startsWith("Basic ")) {
			String decoded = new String(Base64.getDecoder().decode(authorization.substring(6)), StandardCharsets.UTF_8);
			int colon = decoded.indexOf(':');
			if (colon < 0) {
				return null;
			}
			return new String[] { decode(decoded.substring(0, colon)), decode(decoded.substring(colon + 1)) };
		}
		if (request.containsKey("client_id")) {
			return new String[] { request.get("client_id"), request.getOrDefault("client_secret", "") };
		}
		return null;
	}

	private String sign(JWTClaimsSet claims) {
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(this.key.getKeyID()).build(),
					claims);
			jwt.sign(new RSASSASigner(this.key));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private String randomToken() {
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static void page(HttpExchange exchange, int status, String content) throws IOException {
		String html = """
				<!DOCTYPE html>
				<html lang="vi"><head><meta charset="utf-8"><title>%s</title>
				<style>body{font-family:sans-serif;max-width:32rem;margin:2rem auto}
				.standin{background:#b00020;color:#fff;padding:.75rem;font-weight:bold;text-align:center}
				label,input,button{display:block;margin:.5rem 0}.error{color:#b00020}</style></head>
				<body><div class="standin" role="alert">%s</div>%s</body></html>
				""".formatted(BANNER, BANNER, content);
		exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
		exchange.getResponseHeaders().set("Cache-Control", "no-store");
		send(exchange, status, html.getBytes(StandardCharsets.UTF_8));
	}

	private static void json(HttpExchange exchange, int status, Map<String, Object> body) throws IOException {
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.getResponseHeaders().set("Cache-Control", "no-store");
		send(exchange, status, JSONObjectUtils.toJSONString(body).getBytes(StandardCharsets.UTF_8));
	}

	private static void text(HttpExchange exchange, int status, String body) throws IOException {
		exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
		send(exchange, status, body.getBytes(StandardCharsets.UTF_8));
	}

	private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
		exchange.sendResponseHeaders(status, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	private static String body(HttpExchange exchange) throws IOException {
		try (InputStream in = exchange.getRequestBody()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private static Map<String, String> form(@Nullable String encoded) {
		Map<String, String> values = new LinkedHashMap<>();
		if (encoded == null || encoded.isEmpty()) {
			return values;
		}
		for (String pair : encoded.split("&")) {
			int eq = pair.indexOf('=');
			if (eq > 0) {
				values.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
			}
		}
		return values;
	}

	private static String decode(String value) {
		return URLDecoder.decode(value, StandardCharsets.UTF_8);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static String escape(String value) {
		return value.replace("&", "&amp;")
			.replace("<", "&lt;")
			.replace(">", "&gt;")
			.replace("\"", "&quot;")
			.replace("'", "&#39;");
	}

	private static String sha256(String value) {
		try {
			return java.util.HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value == null || value.isBlank()) ? fallback : value;
	}

	/** The two stand-in providers. */
	public enum Kind {

		/** The national SSO: the tester types a username. */
		SSO("sso", USERNAME_CLAIM, "Tài khoản xác thực tập trung (giả lập)", "tên đăng nhập của tài khoản hệ thống",
				"Tên đăng nhập"),

		/** VNeID: the tester types a CCCD. */
		VNEID("vneid", CCCD_CLAIM, "Tài khoản định danh điện tử VNeID (giả lập)", "số CCCD của người đăng nhập",
				"Số CCCD");

		private final String path;

		private final String claim;

		private final String title;

		private final String prompt;

		private final String label;

		Kind(String path, String claim, String title, String prompt, String label) {
			this.path = path;
			this.claim = claim;
			this.title = title;
			this.prompt = prompt;
			this.label = label;
		}

		public String path() {
			return this.path;
		}

		public String claim() {
			return this.claim;
		}

		String title() {
			return this.title;
		}

		String prompt() {
			return this.prompt;
		}

		String label() {
			return this.label;
		}

	}

	/**
	 * Settings of the stand-in.
	 *
	 * @param port the port on the loopback address, 0 for any free one
	 * @param clientId the one client both providers know
	 * @param clientSecret its secret
	 * @param redirectPrefixes what an allowed redirect URI starts with
	 */
	public record Settings(int port, String clientId, String clientSecret, List<String> redirectPrefixes) {
	}

	private record Grant(Kind kind, String clientId, String redirectUri, @Nullable String nonce,
			@Nullable String codeChallenge, String subject, String name, Instant expiresAt) {
	}

}
