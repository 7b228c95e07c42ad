/**
 * Browser sign-in with OAuth2/OIDC, server-side sessions in PostgreSQL, CSRF and security
 * headers.
 */
@NullMarked
package vn.nq57.gateway.security;

import org.jspecify.annotations.NullMarked;
