/**
 * Tests of federated sign-in.
 */
@NullMarked
package vn.nq57.identity.federation;

import org.jspecify.annotations.NullMarked;
