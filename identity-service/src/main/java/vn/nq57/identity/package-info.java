/**
 * identity-service.
 */
@NullMarked
package vn.nq57.identity;

import org.jspecify.annotations.NullMarked;
