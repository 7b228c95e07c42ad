package vn.nq57.gateway.security;

import java.util.List;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientProperties;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientPropertiesMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;

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

}
