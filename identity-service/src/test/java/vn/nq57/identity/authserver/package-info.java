/**
 * Tests of vn.nq57.identity.authserver.
 */
@NullMarked
package vn.nq57.identity.authserver;

import org.jspecify.annotations.NullMarked;
