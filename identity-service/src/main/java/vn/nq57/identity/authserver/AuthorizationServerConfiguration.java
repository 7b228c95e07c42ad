package vn.nq57.identity.authserver;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.transaction.support.TransactionTemplate;

import vn.nq57.identity.IdentityProperties;
import vn.nq57.identity.account.AccountDirectory;

/**
 * The parts of the authorization server: registered clients from configuration,
 * authorizations in PostgreSQL, the shared signing key, the issuer, and the claims of
 * access tokens. Nothing here is local to one replica.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerConfiguration {

	@Bean
	PasswordEncoder passwordEncoder() {
		// bcrypt by default; the {id} prefix lets stronger encodings replace it without a
		// migration.
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	RegisteredClientRepository registeredClientRepository(IdentityProperties properties) {
		return new InMemoryRegisteredClientRepository(RegisteredClients.from(properties, new ClientSecretEncoder()));
	}

	@Bean
	OAuth2AuthorizationService authorizationService(JdbcOperations jdbc, RegisteredClientRepository clients) {
		return new JdbcOAuth2AuthorizationService(jdbc, clients);
	}

	@Bean
	OAuth2AuthorizationConsentService authorizationConsentService(JdbcOperations jdbc,
			RegisteredClientRepository clients) {
		return new JdbcOAuth2AuthorizationConsentService(jdbc, clients);
	}

	@Bean
	AuthorizationServerSettings authorizationServerSettings(IdentityProperties properties) {
		return AuthorizationServerSettings.builder().issuer(properties.issuer().toString()).build();
	}

	@Bean
	RSAKey tokenSigningKey(JdbcClient jdbc, TransactionTemplate transactions, IdentityProperties properties) {
		return new SigningKeyStore(jdbc, transactions).signingKey(properties.signingKeyLocation());
	}

	@Bean
	JWKSource<SecurityContext> jwkSource(RSAKey tokenSigningKey) {
		return new ImmutableJWKSet<>(new JWKSet(tokenSigningKey));
	}

	/**
	 * Validates this server's own tokens for {@code /api/**} and userinfo, with no HTTP
	 * call to itself.
	 */
	@Bean
	JwtDecoder jwtDecoder(JWKSource<SecurityContext> jwkSource, IdentityProperties properties) {
		NimbusJwtDecoder decoder = (NimbusJwtDecoder) OAuth2AuthorizationServerConfiguration.jwtDecoder(jwkSource);
		decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(properties.issuer().toString()));
		return decoder;
	}

	@Bean
	OAuth2TokenCustomizer<JwtEncodingContext> accessTokenClaimsCustomizer(AccountDirectory accounts) {
		return new AccessTokenClaimsCustomizer(accounts);
	}

	@Bean
	ExpiredAuthorizationPurge expiredAuthorizationPurge(JdbcClient jdbc) {
		return new ExpiredAuthorizationPurge(jdbc);
	}

}
