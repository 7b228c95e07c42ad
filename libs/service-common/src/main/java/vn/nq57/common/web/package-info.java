/**
 * Shared web support for NQ57 resource-server services.
 */
@NullMarked
package vn.nq57.common.web;

import org.jspecify.annotations.NullMarked;
