/**
 * The OAuth2/OIDC authorization server: registered clients, the signing key, the claims
 * of access tokens, and the security filter chains of the service.
 */
@NullMarked
package vn.nq57.identity.authserver;

import org.jspecify.annotations.NullMarked;
