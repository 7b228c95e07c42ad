/**
 * Tests of vn.nq57.identity.account.
 */
@NullMarked
package vn.nq57.identity.account;

import org.jspecify.annotations.NullMarked;
