/**
 * The public contract of the NQ57 system: Kafka topics, event types and the shared
 * vocabulary (unit levels, roles, report states). Consumers depend on this module, never
 * on a producer's code. Every event type has a JSON Schema under {@code /schemas}.
 */
@NullMarked
package vn.nq57.contracts;

import org.jspecify.annotations.NullMarked;
