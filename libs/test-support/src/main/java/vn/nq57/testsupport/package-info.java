/**
 * Test support: one real PostgreSQL, Kafka broker and S3 server per test JVM, started on
 * first use, and access tokens signed like identity-service's.
 */
@NullMarked
package vn.nq57.testsupport;

import org.jspecify.annotations.NullMarked;
