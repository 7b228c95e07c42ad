/**
 * Shared inbox support for NQ57 resource-server services.
 */
@NullMarked
package vn.nq57.common.inbox;

import org.jspecify.annotations.NullMarked;
