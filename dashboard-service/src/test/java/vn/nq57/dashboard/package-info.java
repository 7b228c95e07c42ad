/**
 * Tests of dashboard-service against the shared PostgreSQL and Kafka of test-support.
 */
@NullMarked
package vn.nq57.dashboard;

import org.jspecify.annotations.NullMarked;
