/**
 * Removal of what interrupted uploads leave behind: objects without an attachment row and
 * records of uploads that never finished.
 */
@NullMarked
package vn.nq57.file.cleanup;

import org.jspecify.annotations.NullMarked;
