/**
 * The end-to-end test of the daily flow through the gateway, on a full local stack.
 */
@NullMarked
package vn.nq57.e2e;

import org.jspecify.annotations.NullMarked;
