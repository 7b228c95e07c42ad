package vn.nq57.common.client;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.web.client.RestClient;

/**
 * Resilient clients for calls between services.
 */
@AutoConfiguration(after = { RestClientAutoConfiguration.class, OAuth2ClientAutoConfiguration.class })
@EnableConfigurationProperties(DownstreamProperties.class)
public class DownstreamAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	DownstreamCalls downstreamCalls(DownstreamProperties properties, ObjectProvider<MeterRegistry> meterRegistry) {
		return new DownstreamCalls(properties, meterRegistry.getIfAvailable());
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(ClientRegistrationRepository.class)
	OAuth2AuthorizedClientManager serviceAuthorizedClientManager(ClientRegistrationRepository registrations,
			OAuth2AuthorizedClientService clients) {
		AuthorizedClientServiceOAuth2AuthorizedClientManager manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(
				registrations, clients);
		manager
			.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder().clientCredentials().build());
		return manager;
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(OAuth2AuthorizedClientManager.class)
	ServiceClients serviceClients(RestClient.Builder builder, DownstreamProperties properties,
			OAuth2AuthorizedClientManager authorizedClientManager) {
		return new ServiceClients(builder, properties, authorizedClientManager);
	}

}
