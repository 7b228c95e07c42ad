/**
 * Tests of vn.nq57.identity.login.
 */
@NullMarked
package vn.nq57.identity.login;

import org.jspecify.annotations.NullMarked;
