/**
 * The Vietnamese sign-in pages: the login form, the forgotten-password help and the
 * entries for federated sign-in.
 */
@NullMarked
package vn.nq57.identity.login;

import org.jspecify.annotations.NullMarked;
