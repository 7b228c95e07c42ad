/**
 * Sign-in accounts: provisioning from the unit tree, the lookup used at login and in
 * tokens, and {@code /api/me}.
 */
@NullMarked
package vn.nq57.identity.account;

import org.jspecify.annotations.NullMarked;
