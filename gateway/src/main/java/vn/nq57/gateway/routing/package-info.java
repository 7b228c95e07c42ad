/**
 * Routes to the backend services with token relay, timeouts, circuit breakers and
 * GET-only retries.
 */
@NullMarked
package vn.nq57.gateway.routing;

import org.jspecify.annotations.NullMarked;
