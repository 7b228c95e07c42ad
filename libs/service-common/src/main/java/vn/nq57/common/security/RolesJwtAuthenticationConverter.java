package vn.nq57.common.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;

/**
 * Maps the {@code roles} claim to {@code ROLE_*} authorities and the scopes to
 * {@code SCOPE_*} authorities.
 */
public class RolesJwtAuthenticationConverter implements Converter<Jwt, AbstractAuthenticationToken> {

	private final JwtGrantedAuthoritiesConverter scopes = new JwtGrantedAuthoritiesConverter();

	@Override
	public AbstractAuthenticationToken convert(Jwt jwt) {
		Collection<GrantedAuthority> authorities = new ArrayList<>(this.scopes.convert(jwt));
		List<String> roles = jwt.getClaimAsStringList(CurrentUser.CLAIM_ROLES);
		if (roles != null) {
			roles.forEach((role) -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
		}
		return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
	}

}
