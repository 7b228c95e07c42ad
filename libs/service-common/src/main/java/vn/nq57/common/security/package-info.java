/**
 * Shared security support for NQ57 resource-server services.
 */
@NullMarked
package vn.nq57.common.security;

import org.jspecify.annotations.NullMarked;
