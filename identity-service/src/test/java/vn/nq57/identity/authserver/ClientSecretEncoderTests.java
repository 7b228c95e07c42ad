package vn.nq57.identity.authserver;

import org.junit.jupiter.api.Test;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

class ClientSecretEncoderTests {

	private final ClientSecretEncoder encoder = new ClientSecretEncoder();

	@Test
	void encodeWhenPlainSecretThenSaltedSha256ThatOnlyTheSecretMatches() {
		String first = this.encoder.encode("gateway-secret-from-the-vault");
		String second = this.encoder.encode("gateway-secret-from-the-vault");

		assertThat(first).startsWith("{sha256}").doesNotContain("gateway-secret-from-the-vault");
		assertThat(second).as("salted").isNotEqualTo(first);
		assertThat(this.encoder.matches("gateway-secret-from-the-vault", first)).isTrue();
		assertThat(this.encoder.matches("gateway-secret-from-the-vaulT", first)).isFalse();
		assertThat(this.encoder.upgradeEncoding(first)).isFalse();
	}

	@Test
	void matchesWhenSecretWasGivenAlreadyEncodedThenCheckedAsGivenAndNeverReEncoded() {
		String given = "{bcrypt}" + new BCryptPasswordEncoder(4).encode("operator-chosen");

		assertThat(this.encoder.matches("operator-chosen", given)).isTrue();
		assertThat(this.encoder.matches("other", given)).isFalse();
		assertThat(this.encoder.upgradeEncoding(given)).isFalse();
	}

}
