package vn.nq57.identity.authserver;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.Optional;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.io.Resource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Provides the RSA key tokens are signed with. A key configured as a PKCS#8 PEM
 * ({@code nq57.identity.signing-key-location}, for example a Kubernetes secret) wins;
 * otherwise the key is generated once, by whichever replica starts first, and kept in the
 * {@code signing_key} table, so restarts and replicas sign and verify with the same key
 * and tokens stay valid across them.
 * <p>
 * Known shortcoming: a key kept in the table is stored unencrypted, readable by whoever
 * can read the database. Production deployments configure the PEM instead; the table
 * remains the local-stack and fallback mechanism.
 */
final class SigningKeyStore {

	private static final Logger logger = LoggerFactory.getLogger(SigningKeyStore.class);

	private static final int KEY_SIZE = 2048;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	SigningKeyStore(JdbcClient jdbc, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.transactions = transactions;
	}

	/**
	 * The signing key: from the PEM if one is configured, else from the database.
	 * @param pem the configured PEM, or {@code null}
	 * @return the key with its id
	 */
	RSAKey signingKey(@Nullable Resource pem) {
		if (pem != null) {
			RSAKey key = fromPem(read(pem));
			logger.info("Token signing key {} loaded from {}", key.getKeyID(), pem.getDescription());
			return key;
		}
		RSAKey key = this.transactions.execute((status) -> storedOrGenerated());
		logger.info("Token signing key {} loaded from the database", key.getKeyID());
		return key;
	}

	private RSAKey storedOrGenerated() {
		this.jdbc.sql("select pg_advisory_xact_lock(hashtext('nq57.identity.signing-key'))").query().singleRow();
		Optional<String> stored = this.jdbc
			.sql("select private_key_pem from signing_key order by created_at desc, key_id limit 1")
			.query(String.class)
			.optional();
		if (stored.isPresent()) {
			return fromPem(stored.get());
		}
		RSAKey generated = generate();
		this.jdbc.sql("insert into signing_key (key_id, private_key_pem) values (:id, :pem)")
			.param("id", generated.getKeyID())
			.param("pem", toPem(generated))
			.update();
		logger.info("Generated token signing key {} and stored it for every replica", generated.getKeyID());
		return generated;
	}

	private static String read(Resource pem) {
		try (InputStream in = pem.getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the token signing key " + pem.getDescription(), ex);
		}
	}

	static RSAKey fromPem(String pem) {
		if (!pem.contains("-----BEGIN PRIVATE KEY-----")) {
			throw new IllegalStateException("The token signing key must be an RSA private key in PKCS#8 PEM form "
					+ "(-----BEGIN PRIVATE KEY-----); convert with: openssl pkcs8 -topk8 -nocrypt");
		}
		String base64 = pem.replace("-----BEGIN PRIVATE KEY-----", "")
			.replace("-----END PRIVATE KEY-----", "")
			.replaceAll("\\s", "");
		try {
			KeyFactory factory = KeyFactory.getInstance("RSA");
			PrivateKey privateKey = factory
				.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
			if (!(privateKey instanceof RSAPrivateCrtKey crt)) {
				throw new IllegalStateException("The token signing key has no public part (not an RSA CRT key)");
			}
			RSAPublicKey publicKey = (RSAPublicKey) factory
				.generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
			return withThumbprintId(publicKey, crt);
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw new IllegalStateException("The token signing key is not a valid RSA private key", ex);
		}
	}

	static String toPem(RSAKey key) {
		try {
			String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
				.encodeToString(key.toPrivateKey().getEncoded());
			return "-----BEGIN PRIVATE KEY-----\n" + base64 + "\n-----END PRIVATE KEY-----\n";
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Cannot encode the token signing key", ex);
		}
	}

	private static RSAKey generate() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(KEY_SIZE);
			KeyPair pair = generator.generateKeyPair();
			return withThumbprintId((RSAPublicKey) pair.getPublic(), pair.getPrivate());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot generate the token signing key", ex);
		}
	}

	private static RSAKey withThumbprintId(RSAPublicKey publicKey, PrivateKey privateKey) {
		try {
			RSAKey key = new RSAKey.Builder(publicKey).privateKey(privateKey).build();
			return new RSAKey.Builder(key).keyID(key.computeThumbprint().toString())
				.keyUse(KeyUse.SIGNATURE)
				.algorithm(JWSAlgorithm.RS256)
				.build();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Cannot compute the id of the token signing key", ex);
		}
	}

}
