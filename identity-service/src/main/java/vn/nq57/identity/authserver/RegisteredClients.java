package vn.nq57.identity.authserver;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

import vn.nq57.identity.IdentityProperties;

/**
 * Builds the registered clients from {@code nq57.identity.clients}. Secrets given in
 * plain text are hashed here ({@link ClientSecretEncoder}), so only their hashes are held
 * in memory; a secret given already encoded (with its {@code {id}} prefix, for example
 * {@code {bcrypt}}) is used as it is. Every replica reads the same configuration, so no
 * client state is local to one.
 */
final class RegisteredClients {

	private RegisteredClients() {
	}

	static List<RegisteredClient> from(IdentityProperties properties, PasswordEncoder clientSecrets) {
		TokenSettings tokens = TokenSettings.builder()
			.accessTokenTimeToLive(properties.accessTokenTtl())
			.refreshTokenTimeToLive(properties.refreshTokenTtl())
			.reuseRefreshTokens(false)
			.build();
		return properties.clients()
			.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByKey())
			.map((entry) -> toRegisteredClient(entry.getKey(), entry.getValue(), tokens, clientSecrets))
			.toList();
	}

	private static RegisteredClient toRegisteredClient(String name, IdentityProperties.Client client,
			TokenSettings tokens, PasswordEncoder clientSecrets) {
		if (client.clientId() == null || client.secret() == null || client.secret().isBlank()
				|| client.grantTypes() == null || client.grantTypes().isEmpty()) {
			throw new IllegalStateException("nq57.identity.clients." + name
					+ " needs client-id, secret and grant-types (secret from the environment outside the local stack)");
		}
		String secret = client.secret().startsWith("{") ? client.secret() : clientSecrets.encode(client.secret());
		RegisteredClient.Builder builder = RegisteredClient
			.withId(UUID.nameUUIDFromBytes(client.clientId().getBytes(StandardCharsets.UTF_8)).toString())
			.clientId(client.clientId())
			.clientName(name)
			.clientSecret(secret)
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
			.tokenSettings(tokens)
			.clientSettings(ClientSettings.builder()
				.requireProofKey(client.requireProofKey()
						&& client.grantTypes().contains(AuthorizationGrantType.AUTHORIZATION_CODE.getValue()))
				// First-party clients: the user is not asked to consent.
				.requireAuthorizationConsent(false)
				.build());
		client.grantTypes().forEach((grant) -> builder.authorizationGrantType(new AuthorizationGrantType(grant)));
		client.redirectUris().forEach(builder::redirectUri);
		client.postLogoutRedirectUris().forEach(builder::postLogoutRedirectUri);
		if (client.scopes() != null) {
			client.scopes().forEach(builder::scope);
		}
		return builder.build();
	}

}
