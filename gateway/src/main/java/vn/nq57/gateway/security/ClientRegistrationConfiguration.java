package vn.nq57.gateway.security;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientProperties;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientPropertiesMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenDecoderFactory;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenValidator;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.converter.ClaimTypeConverter;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.web.client.RestTemplate;

/**
 * The OAuth2 client registrations from {@code spring.security.oauth2.client.*}, with the
 * expected issuer added from {@code nq57.gateway.sign-in.issuer}. Every endpoint is
 * configured explicitly, so the gateway starts while identity-service is still down and
 * ID tokens are still checked for the right {@code iss}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OAuth2ClientProperties.class)
class ClientRegistrationConfiguration {

	@Bean
	ClientRegistrationRepository clientRegistrationRepository(OAuth2ClientProperties properties,
			SignInProperties signIn) {
		List<ClientRegistration> registrations = new OAuth2ClientPropertiesMapper(properties).asClientRegistrations()
			.values()
			.stream()
			.map((registration) -> ClientRegistration.withClientRegistration(registration)
				.issuerUri(signIn.issuer())
				.build())
			.toList();
		return new InMemoryClientRegistrationRepository(registrations);
	}

	/**
	 * Decodes ID tokens as Spring Security's default factory does (timestamps, then the
	 * OIDC checks of issuer, audience and expiry; the same claim conversions), but
	 * fetches identity-service's keys with 2 s to connect and 10 s to answer instead of
	 * Nimbus's 500 ms, which a loaded node misses at the first sign-in.
	 */
	@Bean
	JwtDecoderFactory<ClientRegistration> idTokenDecoderFactory() {
		RestTemplate keys = identityServiceClient(Duration.ofSeconds(10));
		Map<String, JwtDecoder> decoders = new ConcurrentHashMap<>();
		return (registration) -> decoders.computeIfAbsent(registration.getRegistrationId(), (id) -> {
			NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(registration.getProviderDetails().getJwkSetUri())
				.restOperations(keys)
				.build();
			decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(new JwtTimestampValidator(),
					new OidcIdTokenValidator(registration)));
			decoder.setClaimSetConverter(
					new ClaimTypeConverter(OidcIdTokenDecoderFactory.createDefaultClaimTypeConverters()));
			return decoder;
		});
	}

	/**
	 * A client for the gateway's own server-to-server calls to identity-service: 2 s to
	 * connect (a service on the same network answers at once or not at all).
	 * @param readTimeout how long an answer may take
	 * @return the client
	 */
	static RestTemplate identityServiceClient(Duration readTimeout) {
		HttpClient httpClient = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(httpClient);
		requests.setReadTimeout(readTimeout);
		return new RestTemplate(requests);
	}

}
