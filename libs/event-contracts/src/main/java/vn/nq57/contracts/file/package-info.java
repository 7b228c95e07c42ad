/**
 * Events published on {@link vn.nq57.contracts.Topics#FILE}.
 */
@NullMarked
package vn.nq57.contracts.file;

import org.jspecify.annotations.NullMarked;
