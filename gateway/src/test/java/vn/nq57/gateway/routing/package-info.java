/**
 * Tests of single route filters, without a Spring context.
 */
@NullMarked
package vn.nq57.gateway.routing;

import org.jspecify.annotations.NullMarked;
