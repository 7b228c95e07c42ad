/**
 * Sign-in protection: the password policy, the escalating temporary lockout per username
 * and per source address, and the authentication provider that applies it to the login
 * form.
 */
@NullMarked
package vn.nq57.identity.signin;

import org.jspecify.annotations.NullMarked;
