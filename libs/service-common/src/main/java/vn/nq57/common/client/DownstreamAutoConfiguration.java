package vn.nq57.common.client;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.JwkSetUriJwtDecoderBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.endpoint.RestClientClientCredentialsTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;

/**
 * Resilient clients for calls between services.
 */
@AutoConfiguration(after = { RestClientAutoConfiguration.class, OAuth2ClientAutoConfiguration.class })
@EnableConfigurationProperties(DownstreamProperties.class)
public class DownstreamAutoConfiguration {

	/**
	 * Fetches identity-service's JWK set with this service's timeouts instead of Nimbus's
	 * 500 ms defaults, which a busy identity-service or a loaded node misses, turning
	 * every request into a server error until the keys are cached.
	 */
	@Bean
	@ConditionalOnClass(JwkSetUriJwtDecoderBuilderCustomizer.class)
	JwkSetUriJwtDecoderBuilderCustomizer jwkSetTimeoutsCustomizer(DownstreamProperties properties) {
		return (builder) -> builder.restOperations(new RestTemplate(properties.requestFactory()));
	}

	@Bean
	@ConditionalOnMissingBean
	DownstreamCalls downstreamCalls(DownstreamProperties properties, ObjectProvider<MeterRegistry> meterRegistry) {
		return new DownstreamCalls(properties, meterRegistry.getIfAvailable());
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(ClientRegistrationRepository.class)
	OAuth2AuthorizedClientManager serviceAuthorizedClientManager(ClientRegistrationRepository registrations,
			OAuth2AuthorizedClientService clients, DownstreamProperties properties) {
		AuthorizedClientServiceOAuth2AuthorizedClientManager manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(
				registrations, clients);
		manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder()
			.clientCredentials((credentials) -> credentials.accessTokenResponseClient(tokenClient(properties)))
			.build());
		return manager;
	}

	/**
	 * The token endpoint client with this service's timeouts: Spring Security's default
	 * one has none, and a hung identity-service would hold every call waiting for a
	 * token.
	 */
	private static RestClientClientCredentialsTokenResponseClient tokenClient(DownstreamProperties properties) {
		RestClient restClient = RestClient.builder()
			.requestFactory(properties.requestFactory())
			.messageConverters((converters) -> {
				converters.clear();
				converters.add(new FormHttpMessageConverter());
				converters.add(new OAuth2AccessTokenResponseHttpMessageConverter());
			})
			.defaultStatusHandler(new OAuth2ErrorResponseErrorHandler())
			.build();
		RestClientClientCredentialsTokenResponseClient client = new RestClientClientCredentialsTokenResponseClient();
		client.setRestClient(restClient);
		return client;
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(OAuth2AuthorizedClientManager.class)
	ServiceClients serviceClients(RestClient.Builder builder, DownstreamProperties properties,
			OAuth2AuthorizedClientManager authorizedClientManager) {
		return new ServiceClients(builder, properties, authorizedClientManager);
	}

}
