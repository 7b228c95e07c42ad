package vn.nq57.identity.authserver;

import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;

import com.nimbusds.jose.jwk.RSAKey;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class SigningKeyStoreTests {

	@Test
	void fromPemWhenPkcs8KeyThenDerivesPublicKeyAndStableId() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		java.security.KeyPair pair = generator.generateKeyPair();
		String pem = "-----BEGIN PRIVATE KEY-----\n"
				+ Base64.getMimeEncoder().encodeToString(pair.getPrivate().getEncoded())
				+ "\n-----END PRIVATE KEY-----\n";

		RSAKey first = SigningKeyStore.fromPem(pem);
		RSAKey second = SigningKeyStore.fromPem(SigningKeyStore.toPem(first));

		assertThat(first.toRSAPublicKey()).isEqualTo((RSAPublicKey) pair.getPublic());
		assertThat(first.getKeyID()).isNotBlank().isEqualTo(second.getKeyID());
		assertThat(first.isPrivate()).isTrue();
	}

	@Test
	void fromPemWhenNotPkcs8ThenExplainsTheExpectedForm() {
		assertThatIllegalStateException().isThrownBy(
				() -> SigningKeyStore.fromPem("-----BEGIN RSA PRIVATE KEY-----\nabc\n-----END RSA PRIVATE KEY-----"))
			.withMessageContaining("PKCS#8");
	}

}
