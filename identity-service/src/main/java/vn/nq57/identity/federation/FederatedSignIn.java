package vn.nq57.identity.federation;

import java.time.Clock;
import java.time.Year;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

import vn.nq57.identity.audit.AuditAction;
import vn.nq57.identity.audit.AuditLog;
import vn.nq57.identity.IdentityProperties;
import vn.nq57.identity.account.AccountDirectory;
import vn.nq57.identity.cccd.CccdNumber;
import vn.nq57.identity.cccd.CccdProtector;

/**
 * Sign-in with the national SSO or VNeID inside this authorization server's own login
 * (Spring Security's {@code oauth2Login}), so the gateway's single sign-on is unchanged:
 * the provider only replaces the password form, and the account it maps to is then signed
 * in exactly as after a password sign-in (the same principal, first login, tokens).
 * <p>
 * An identity is mapped to an existing, enabled account only; none is ever created. SSO
 * maps by the configured claim (the username); VNeID by the CCCD in its claim, compared
 * in the protected form accounts store ({@link CccdProtector#fingerprint}), never in
 * clear. An identity without an account is refused with a message telling the holder how
 * to link it.
 */
@Component
public class FederatedSignIn {

	/** The error code of an identity that maps to no account. */
	static final String NOT_LINKED = "nq57_account_not_linked";

	/**
	 * Session attribute: the next VNeID sign-in is to reset the password (set by the
	 * <em>Quên mật khẩu</em> page).
	 */
	static final String RESET_INTENT = FederatedSignIn.class.getName() + ".RESET_INTENT";

	/** Session attribute: this session signed in with VNeID for a password reset. */
	static final String RESET_ALLOWED = FederatedSignIn.class.getName() + ".RESET_ALLOWED";

	private static final String NAME_CLAIM = "nq57_username";

	private static final Logger logger = LoggerFactory.getLogger(FederatedSignIn.class);

	private final FederationRegistrations registrations;

	private final AccountDirectory accounts;

	private final CccdProtector cccdProtector;

	private final IdentityProperties properties;

	private final Clock clock;

	private final AuditLog audit;

	private final OidcUserService oidcUsers = new OidcUserService();

	private final SecurityContextRepository contexts = new DelegatingSecurityContextRepository(
			new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository());

	private final SecurityContextHolderStrategy contextHolder = SecurityContextHolder.getContextHolderStrategy();

	FederatedSignIn(FederationRegistrations registrations, AccountDirectory accounts, CccdProtector cccdProtector,
			IdentityProperties properties, Clock clock, AuditLog audit) {
		this.audit = audit;
		this.registrations = registrations;
		this.accounts = accounts;
		this.cccdProtector = cccdProtector;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Adds federated sign-in to the browser chain, if any provider is configured.
	 * @param http the browser chain
	 * @param loginPage the login page's path
	 */
	public void configure(HttpSecurity http, String loginPage) {
		if (!this.registrations.anyConfigured()) {
			return;
		}
		http.oauth2Login((login) -> login.loginPage(loginPage)
			.clientRegistrationRepository(this.registrations)
			// Nothing is called at the provider afterwards: its tokens are not kept.
			.authorizedClientRepository(new NoAuthorizedClients())
			.userInfoEndpoint((userInfo) -> userInfo.oidcUserService(this::loadUser))
			.successHandler(successHandler())
			.failureHandler(failureHandler(loginPage)));
	}

	/**
	 * The provider's identity, checked as usual, then mapped to an account or refused.
	 */
	private OidcUser loadUser(OidcUserRequest request) {
		OidcUser identity = this.oidcUsers.loadUser(request);
		FederatedProvider provider = FederatedProvider.byId(request.getClientRegistration().getRegistrationId())
			.orElseThrow();
		Object value = identity.getClaims().get(provider.claim(this.properties));
		Optional<String> username = (value == null) ? Optional.empty() : accountFor(provider, value.toString());
		if (username.isEmpty()) {
			logger.info("Federated sign-in with {} refused: the identity maps to no enabled account", provider.id());
			this.audit.account(AuditAction.SIGN_IN_FAILED, null, null,
					"UNLINKED_" + provider.id().toUpperCase(Locale.ROOT));
			throw new OAuth2AuthenticationException(new OAuth2Error(NOT_LINKED, provider.id(), null));
		}
		Map<String, Object> claims = new HashMap<>(
				(identity.getUserInfo() != null) ? identity.getUserInfo().getClaims() : Map.of());
		claims.put(NAME_CLAIM, username.get());
		return new DefaultOidcUser(identity.getAuthorities(), identity.getIdToken(), new OidcUserInfo(claims),
				NAME_CLAIM);
	}

	private Optional<String> accountFor(FederatedProvider provider, String value) {
		if (provider == FederatedProvider.SSO) {
			return this.accounts.findEnabledIdentity(value).map((identity) -> identity.username());
		}
		if (CccdNumber.problem(value, Year.now(this.clock)).isPresent()) {
			return Optional.empty();
		}
		return this.accounts.findUsernameByCccd(this.cccdProtector.fingerprint(CccdNumber.normalise(value)));
	}

	/**
	 * Replaces the provider's identity by the account's own principal, as a password
	 * sign-in would have it, then resumes the saved authorization request (or, after
	 * <em>Quên mật khẩu → VNeID</em>, opens the new-password page).
	 */
	private AuthenticationSuccessHandler successHandler() {
		SavedRequestAwareAuthenticationSuccessHandler resume = new SavedRequestAwareAuthenticationSuccessHandler();
		return (request, response, authentication) -> {
			String username = authentication.getName();
			UserDetails account = this.accounts.loadFederated(username).orElse(null);
			if (account == null) {
				response.sendRedirect(request.getContextPath() + "/login?error");
				return;
			}
			// The account's roles, and the factor of this sign-in with its time (ID
			// tokens
			// carry it as auth_time).
			List<GrantedAuthority> authorities = new ArrayList<>(account.getAuthorities());
			authentication.getAuthorities()
				.stream()
				.filter(FactorGrantedAuthority.class::isInstance)
				.forEach(authorities::add);
			if (authorities.stream().noneMatch(FactorGrantedAuthority.class::isInstance)) {
				authorities
					.add(FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.AUTHORIZATION_CODE_AUTHORITY));
			}
			UsernamePasswordAuthenticationToken signedIn = UsernamePasswordAuthenticationToken.authenticated(account,
					null, authorities);
			SecurityContext context = this.contextHolder.createEmptyContext();
			context.setAuthentication(signedIn);
			this.contextHolder.setContext(context);
			this.contexts.saveContext(context, request, response);
			this.accounts.recordSignIn(username);
			String provider = (authentication instanceof OAuth2AuthenticationToken token)
					? token.getAuthorizedClientRegistrationId() : "?";
			logger.info("Sign-in succeeded for account {} with {}", username, provider);
			this.audit.account(AuditAction.SIGN_IN_SUCCEEDED, username, username, provider.toUpperCase(Locale.ROOT));

			HttpSession session = request.getSession();
			if (FederatedProvider.VNEID.id().equals(provider) && session.getAttribute(RESET_INTENT) != null) {
				session.removeAttribute(RESET_INTENT);
				session.setAttribute(RESET_ALLOWED, username);
				response.sendRedirect(request.getContextPath() + FederationController.NEW_PASSWORD_PATH);
				return;
			}
			resume.onAuthenticationSuccess(request, response, signedIn);
		};
	}

	private static AuthenticationFailureHandler failureHandler(String loginPage) {
		return (HttpServletRequest request, HttpServletResponse response, AuthenticationException exception) -> {
			String target = loginPage + "?federation-error";
			if (exception instanceof OAuth2AuthenticationException oauth2
					&& NOT_LINKED.equals(oauth2.getError().getErrorCode())) {
				target = loginPage + "?unlinked="
						+ FederatedProvider.byId(oauth2.getError().getDescription())
							.map(FederatedProvider::id)
							.orElse("sso");
			}
			else {
				logger.info("Federated sign-in failed: {}", exception.getClass().getSimpleName());
			}
			HttpSession session = request.getSession(false);
			if (session != null) {
				session.removeAttribute(RESET_INTENT);
			}
			response.sendRedirect(request.getContextPath() + target);
		};
	}

	/** Keeps no provider tokens: nothing is called at the provider after sign-in. */
	private static final class NoAuthorizedClients implements OAuth2AuthorizedClientRepository {

		@Override
		public <T extends OAuth2AuthorizedClient> @Nullable T loadAuthorizedClient(String clientRegistrationId,
				Authentication principal, HttpServletRequest request) {
			return null;
		}

		@Override
		public void saveAuthorizedClient(OAuth2AuthorizedClient authorizedClient, Authentication principal,
				HttpServletRequest request, HttpServletResponse response) {
		}

		@Override
		public void removeAuthorizedClient(String clientRegistrationId, Authentication principal,
				HttpServletRequest request, HttpServletResponse response) {
		}

	}

}
