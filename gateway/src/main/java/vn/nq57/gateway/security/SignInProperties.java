package vn.nq57.gateway.security;

import java.net.URI;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Browser sign-in and sign-out at identity-service ({@code nq57.gateway.sign-in.*}). The
 * OAuth2 client itself is Spring Boot's {@code spring.security.oauth2.client.*}
 * (registration {@code nq57}).
 *
 * @param issuer the issuer every ID token must name; set here rather than as the
 * provider's {@code issuer-uri} so that starting the gateway does not depend on a
 * discovery call to identity-service; default {@code http://localhost:8080/auth}
 * @param endSessionUri identity-service's OIDC RP-initiated logout endpoint, as the
 * browser reaches it; default {@code http://localhost:8080/auth/connect/logout}
 * @param postLogoutRedirectUri where identity-service sends the browser after signing
 * out, {@code {baseUrl}} being the gateway's own address; default {@code {baseUrl}/}
 * @param revocationCheckInterval how long a session's sign-in is trusted before the
 * gateway asks identity-service again whether it still stands (an administrator may have
 * ended the account's sessions, or the user signed out elsewhere); default 30 s
 * @param introspectionUri identity-service's token introspection endpoint (RFC 7662),
 * server to server; by default the {@code introspect} endpoint beside the registration's
 * {@code token-uri}
 */
@ConfigurationProperties("nq57.gateway.sign-in")
public record SignInProperties(@DefaultValue("http://localhost:8080/auth") String issuer,
		@DefaultValue("http://localhost:8080/auth/connect/logout") URI endSessionUri,
		@DefaultValue("{baseUrl}/") String postLogoutRedirectUri, @DefaultValue("30s") Duration revocationCheckInterval,
		@Nullable URI introspectionUri) {
}
