/**
 * The NQ57 gateway: the only public entry for browsers.
 */
@NullMarked
package vn.nq57.gateway;

import org.jspecify.annotations.NullMarked;
