/**
 * STAND-IN ONLY: stand-in OpenID Connect providers for national SSO and VNeID, for the
 * local stack and tests.
 */
@NullMarked
package vn.nq57.standin;

import org.jspecify.annotations.NullMarked;
