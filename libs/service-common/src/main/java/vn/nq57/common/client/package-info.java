/**
 * Shared client support for NQ57 resource-server services.
 */
@NullMarked
package vn.nq57.common.client;

import org.jspecify.annotations.NullMarked;
