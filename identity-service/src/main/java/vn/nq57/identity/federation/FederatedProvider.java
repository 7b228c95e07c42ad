package vn.nq57.identity.federation;

import java.util.Optional;

import vn.nq57.identity.IdentityProperties;

/**
 * The two external identity providers of the login page.
 */
public enum FederatedProvider {

	/** The national SSO: its claim names the NQ57 username. */
	SSO("sso", "tài khoản xác thực tập trung", "preferred_username"),

	/** VNeID: its claim carries the holder's CCCD. */
	VNEID("vneid", "tài khoản định danh điện tử (VNeID)", "cccd");

	private final String id;

	private final String displayName;

	private final String defaultClaim;

	FederatedProvider(String id, String displayName, String defaultClaim) {
		this.id = id;
		this.displayName = displayName;
		this.defaultClaim = defaultClaim;
	}

	/**
	 * The registration id, also the last part of the login and callback paths.
	 * @return {@code sso} or {@code vneid}
	 */
	public String id() {
		return this.id;
	}

	/**
	 * How the login page names it.
	 * @return the Vietnamese name
	 */
	public String displayName() {
		return this.displayName;
	}

	/**
	 * The provider's settings.
	 * @param properties identity-service's settings
	 * @return the provider's part
	 */
	public IdentityProperties.Provider settings(IdentityProperties properties) {
		return (this == SSO) ? properties.federation().sso() : properties.federation().vneid();
	}

	/**
	 * The claim that links an identity of this provider to an account.
	 * @param properties identity-service's settings
	 * @return the configured claim or the default
	 */
	public String claim(IdentityProperties properties) {
		String claim = settings(properties).claim();
		return (claim != null && !claim.isBlank()) ? claim : this.defaultClaim;
	}

	/**
	 * The provider of a registration id.
	 * @param id {@code sso} or {@code vneid}
	 * @return the provider, if the id is one
	 */
	public static Optional<FederatedProvider> byId(String id) {
		for (FederatedProvider provider : values()) {
			if (provider.id.equals(id)) {
				return Optional.of(provider);
			}
		}
		return Optional.empty();
	}

}
