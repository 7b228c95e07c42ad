/**
 * Tests of the gateway against real PostgreSQL sessions and in-test backend stubs.
 */
@NullMarked
package vn.nq57.gateway;

import org.jspecify.annotations.NullMarked;
