/**
 * Events published on {@link vn.nq57.contracts.Topics#IDENTITY}.
 */
@NullMarked
package vn.nq57.contracts.identity;

import org.jspecify.annotations.NullMarked;
