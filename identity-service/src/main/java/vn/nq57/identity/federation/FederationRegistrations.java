package vn.nq57.identity.federation;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.stereotype.Component;

import vn.nq57.identity.IdentityProperties;

/**
 * The configured providers as OAuth2 client registrations. Endpoints are discovered from
 * the issuer ({@code /.well-known/openid-configuration}) on first use and then kept, so
 * identity-service starts even while a provider is down; a failed discovery is tried
 * again on the next sign-in.
 */
@Component
public class FederationRegistrations implements ClientRegistrationRepository {

	private static final Logger logger = LoggerFactory.getLogger(FederationRegistrations.class);

	private final IdentityProperties properties;

	private final Map<String, ClientRegistration> discovered = new ConcurrentHashMap<>();

	FederationRegistrations(IdentityProperties properties) {
		this.properties = properties;
	}

	/**
	 * Whether the provider is set up in this environment.
	 * @param provider the provider
	 * @return true if issuer and client are configured
	 */
	public boolean configured(FederatedProvider provider) {
		return provider.settings(this.properties).configured();
	}

	/**
	 * Whether any provider is set up.
	 * @return true if at least one is
	 */
	public boolean anyConfigured() {
		for (FederatedProvider provider : FederatedProvider.values()) {
			if (configured(provider)) {
				return true;
			}
		}
		return false;
	}

	@Override
	public @Nullable ClientRegistration findByRegistrationId(String registrationId) {
		FederatedProvider provider = FederatedProvider.byId(registrationId).orElse(null);
		if (provider == null || !configured(provider)) {
			return null;
		}
		ClientRegistration known = this.discovered.get(registrationId);
		if (known != null) {
			return known;
		}
		IdentityProperties.Provider settings = provider.settings(this.properties);
		try {
			ClientRegistration registration = ClientRegistrations.fromIssuerLocation(String.valueOf(settings.issuer()))
				.registrationId(provider.id())
				.clientName(provider.displayName())
				.clientId(settings.clientId())
				.clientSecret(settings.clientSecret())
				.scope(settings.scopes())
				.redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
				.build();
			this.discovered.put(registrationId, registration);
			return registration;
		}
		catch (RuntimeException ex) {
			logger.warn("Discovery of the {} provider at {} failed: {}", provider.id(), settings.issuer(),
					ex.toString());
			return null;
		}
	}

}
