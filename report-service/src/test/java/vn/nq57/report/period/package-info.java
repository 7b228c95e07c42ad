/**
 * Tests of report-service against the real PostgreSQL and Kafka of test-support.
 */
@NullMarked
package vn.nq57.report.period;

import org.jspecify.annotations.NullMarked;
