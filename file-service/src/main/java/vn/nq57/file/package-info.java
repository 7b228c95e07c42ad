/**
 * file-service.
 */
@NullMarked
package vn.nq57.file;

import org.jspecify.annotations.NullMarked;
