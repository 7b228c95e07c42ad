package vn.nq57.common.client;

import org.springframework.http.HttpHeaders;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken;
import org.springframework.web.client.RestClient;

/**
 * Builds {@link RestClient}s to other services with this service's timeouts and one of
 * two credentials: the signed-in user's own token, so the downstream checks the user's
 * unit scope itself, or this service's client-credentials token with the {@code internal}
 * scope, for {@code /internal/**} endpoints.
 */
public class ServiceClients {

	/** The client registration services use for their own tokens. */
	public static final String SERVICE_REGISTRATION = "nq57-service";

	private final RestClient.Builder builder;

	private final DownstreamProperties properties;

	private final OAuth2AuthorizedClientManager authorizedClientManager;

	public ServiceClients(RestClient.Builder builder, DownstreamProperties properties,
			OAuth2AuthorizedClientManager authorizedClientManager) {
		this.builder = builder;
		this.properties = properties;
		this.authorizedClientManager = authorizedClientManager;
	}

	/**
	 * A client that relays the current user's bearer token.
	 * @param baseUrl the downstream's base URL
	 * @return the client
	 */
	public RestClient relayingUserToken(String baseUrl) {
		return base(baseUrl).requestInterceptor(relayInterceptor()).build();
	}

	/**
	 * A client that authenticates as this service (client credentials).
	 * @param baseUrl the downstream's base URL
	 * @return the client
	 */
	public RestClient asService(String baseUrl) {
		OAuth2ClientHttpRequestInterceptor interceptor = new OAuth2ClientHttpRequestInterceptor(
				this.authorizedClientManager);
		interceptor.setClientRegistrationIdResolver((request) -> SERVICE_REGISTRATION);
		return base(baseUrl).requestInterceptor(interceptor).build();
	}

	private RestClient.Builder base(String baseUrl) {
		return this.builder.clone().baseUrl(baseUrl).requestFactory(this.properties.requestFactory());
	}

	private static ClientHttpRequestInterceptor relayInterceptor() {
		return (request, body, execution) -> {
			Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
			if (authentication instanceof AbstractOAuth2TokenAuthenticationToken<?> token) {
				request.getHeaders().setBearerAuth(token.getToken().getTokenValue());
			}
			else {
				request.getHeaders().remove(HttpHeaders.AUTHORIZATION);
			}
			return execution.execute(request, body);
		};
	}

}
