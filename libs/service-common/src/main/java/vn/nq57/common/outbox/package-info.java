/**
 * Shared outbox support for NQ57 resource-server services.
 */
@NullMarked
package vn.nq57.common.outbox;

import org.jspecify.annotations.NullMarked;
