package vn.nq57.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

/**
 * Signs access tokens the way identity-service does, with a key made for this test JVM,
 * and serves its public key as a JWK set so services validate tokens exactly as in
 * production.
 */
public final class TestTokens {

	/** The issuer test tokens carry. */
	public static final String ISSUER = "http://nq57-test-issuer/auth";

	private static RSAKey key;

	private static HttpServer jwksServer;

	private TestTokens() {
	}

	/**
	 * The URL of the JWK set, started on first use.
	 * @return the URL
	 */
	public static synchronized String jwkSetUri() {
		if (jwksServer == null) {
			try {
				byte[] body = new JWKSet(key().toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
				HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
				server.createContext("/jwks", (exchange) -> {
					exchange.getResponseHeaders().add("Content-Type", "application/json");
					exchange.sendResponseHeaders(200, body.length);
					try (OutputStream out = exchange.getResponseBody()) {
						out.write(body);
					}
				});
				server.start();
				jwksServer = server;
			}
			catch (IOException ex) {
				throw new IllegalStateException("Cannot serve the test JWK set", ex);
			}
		}
		return "http://127.0.0.1:" + jwksServer.getAddress().getPort() + "/jwks";
	}

	/**
	 * A signed access token for the account, valid for 15 minutes.
	 * @param account the account
	 * @return the compact JWT
	 */
	public static String token(TestAccount account) {
		return token(account, Map.of());
	}

	/**
	 * A signed access token for the account with extra claims, for example a {@code name}
	 * a future identity-service may add.
	 * @param account the account
	 * @param extraClaims claims added to the standard ones
	 * @return the compact JWT
	 */
	public static String token(TestAccount account, Map<String, Object> extraClaims) {
		Instant now = Instant.now();
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(ISSUER)
			.subject(account.username())
			.jwtID(UUID.randomUUID().toString())
			.issueTime(Date.from(now))
			.notBeforeTime(Date.from(now))
			.expirationTime(Date.from(now.plusSeconds(900)))
			.claim("uid", account.accountId().toString())
			.claim("unit", account.unitCode())
			.claim("unit_level", account.level().name())
			.claim("roles", List.of(account.role().name()))
			.claim("scope", "openid");
		if (account.provinceCode() != null) {
			claims.claim("province", account.provinceCode());
		}
		extraClaims.forEach(claims::claim);
		return sign(claims.build());
	}

	/**
	 * A client-credentials token as a service gets it, with the {@code internal} scope.
	 * @param clientId the calling service's client id
	 * @return the compact JWT
	 */
	public static String serviceToken(String clientId) {
		Instant now = Instant.now();
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(ISSUER)
			.subject(clientId)
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plusSeconds(300)))
			.claim("scope", new ArrayList<>(List.of("internal")))
			.build();
		return sign(claims);
	}

	/**
	 * The value of an {@code Authorization} header for the account.
	 * @param account the account
	 * @return {@code Bearer <token>}
	 */
	public static String bearer(TestAccount account) {
		return "Bearer " + token(account);
	}

	private static String sign(JWTClaimsSet claims) {
		try {
			RSAKey rsaKey = key();
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(rsaKey.getKeyID()).build(),
					claims);
			jwt.sign(new RSASSASigner(rsaKey));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Cannot sign the test token", ex);
		}
	}

	private static synchronized RSAKey key() {
		if (key == null) {
			try {
				KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
				generator.initialize(2048);
				KeyPair pair = generator.generateKeyPair();
				key = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
					.keyID("nq57-test")
					.build();
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return key;
	}

}
