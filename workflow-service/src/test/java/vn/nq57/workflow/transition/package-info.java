/**
 * Tests of the workflow API against real PostgreSQL and Kafka, with report-service and
 * identity-service's token endpoint stubbed over HTTP.
 */
@NullMarked
package vn.nq57.workflow.transition;

import org.jspecify.annotations.NullMarked;
