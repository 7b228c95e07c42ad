/**
 * The gateway's numbered error catalogue and its RFC 9457 problem details in Vietnamese.
 */
@NullMarked
package vn.nq57.gateway.problem;

import org.jspecify.annotations.NullMarked;
