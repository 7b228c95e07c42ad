/**
 * export-service.
 */
@NullMarked
package vn.nq57.export;

import org.jspecify.annotations.NullMarked;
