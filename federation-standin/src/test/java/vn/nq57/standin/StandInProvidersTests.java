package vn.nq57.standin;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import vn.nq57.standin.StandInProviders.Kind;

import static org.assertj.core.api.Assertions.assertThat;

class StandInProvidersTests {

	private static final String REDIRECT = "http://localhost:1/auth/login/oauth2/code/vneid";

	private static StandInProviders providers;

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@BeforeAll
	static void start() throws IOException {
		providers = StandInProviders
			.start(new StandInProviders.Settings(0, "client", "secret", List.of("http://localhost:1/auth/")));
	}

	@AfterAll
	static void stop() {
		providers.close();
	}

	@Test
	void codeWhenExchangedThenSignedIdTokenCarriesTheTypedCccdAndTheCodeWorksOnce() throws Exception {
		String verifier = "a-verifier-of-enough-length-0123456789-abcdefgh";
		String code = authorize(Kind.VNEID, "001199012345", challenge(verifier), REDIRECT);

		HttpResponse<String> first = token(Kind.VNEID, code, verifier, "secret");
		HttpResponse<String> again = token(Kind.VNEID, code, verifier, "secret");

		assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
		String idToken = first.body().replaceAll(".*\"id_token\":\"([^\"]+)\".*", "$1");
		SignedJWT jwt = SignedJWT.parse(idToken);
		RSAKey key = JWKSet.parse(get(providers.issuer(Kind.VNEID) + "/jwks").body()).getKeys().get(0).toRSAKey();
		assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();
		assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo(providers.issuer(Kind.VNEID).toString());
		assertThat(jwt.getJWTClaimsSet().getStringClaim("cccd")).isEqualTo("001199012345");
		assertThat(jwt.getJWTClaimsSet().getStringClaim("nonce")).isEqualTo("n-1");
		assertThat(again.statusCode()).isEqualTo(400);
	}

	@Test
	void tokenWhenSecretOrProofWrongThenRefused() throws Exception {
		String verifier = "another-verifier-of-enough-length-0123456789-xyz";
		String code = authorize(Kind.SSO, "30943_01", challenge(verifier), REDIRECT.replace("vneid", "sso"));
		String other = authorize(Kind.SSO, "30943_01", challenge(verifier), REDIRECT.replace("vneid", "sso"));

		assertThat(token(Kind.SSO, code, verifier, "wrong").statusCode()).isEqualTo(401);
		assertThat(token(Kind.SSO, other, verifier + "x", "secret").statusCode()).isEqualTo(400);
	}

	@Test
	void authorizeWhenRedirectNotAllowedThenRefusedWithoutRedirect() throws Exception {
		HttpResponse<String> page = get(providers.issuer(Kind.VNEID) + "/authorize?response_type=code&client_id=client"
				+ "&scope=openid&redirect_uri=" + encode("https://evil.example/cb"));
		HttpResponse<String> good = get(providers.issuer(Kind.VNEID) + "/authorize?response_type=code&client_id=client"
				+ "&scope=openid&redirect_uri=" + encode(REDIRECT));

		assertThat(page.statusCode()).isEqualTo(400);
		assertThat(page.headers().firstValue("Location")).isEmpty();
		assertThat(good.body()).contains(StandInProviders.BANNER, "Số CCCD");
	}

	private String authorize(Kind kind, String subject, String challenge, String redirect) throws Exception {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("client_id", "client");
		form.put("redirect_uri", redirect);
		form.put("scope", "openid");
		form.put("state", "s-1");
		form.put("nonce", "n-1");
		form.put("code_challenge", challenge);
		form.put("code_challenge_method", "S256");
		form.put("subject", subject);
		HttpResponse<String> response = post(providers.issuer(kind) + "/authorize", form, null);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
		String location = response.headers().firstValue("Location").orElseThrow();
		assertThat(location).startsWith(redirect + "?code=").endsWith("&state=s-1");
		return java.net.URLDecoder.decode(location.replaceAll(".*code=([^&]+).*", "$1"), StandardCharsets.UTF_8);
	}

	private HttpResponse<String> token(Kind kind, String code, String verifier, String secret) throws Exception {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("grant_type", "authorization_code");
		form.put("code", code);
		form.put("redirect_uri", (kind == Kind.VNEID) ? REDIRECT : REDIRECT.replace("vneid", "sso"));
		form.put("code_verifier", verifier);
		String basic = Base64.getEncoder().encodeToString(("client:" + secret).getBytes(StandardCharsets.UTF_8));
		return post(providers.issuer(kind) + "/token", form, "Basic " + basic);
	}

	private HttpResponse<String> get(String uri) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create(uri)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String uri, Map<String, String> form, String authorization) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form.entrySet()
				.stream()
				.map((entry) -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
				.collect(Collectors.joining("&"))));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String challenge(String verifier) throws Exception {
		byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
		return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
