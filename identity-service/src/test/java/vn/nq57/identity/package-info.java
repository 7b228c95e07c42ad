/**
 * Tests of identity-service against the real PostgreSQL and Kafka of test-support.
 */
@NullMarked
package vn.nq57.identity;

import org.jspecify.annotations.NullMarked;
