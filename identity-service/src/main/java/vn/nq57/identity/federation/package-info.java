/**
 * Federated sign-in: national SSO and VNeID as external OpenID Connect providers, mapped
 * to existing accounts only.
 */
@NullMarked
package vn.nq57.identity.federation;

import org.jspecify.annotations.NullMarked;
