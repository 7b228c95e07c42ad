/**
 * The administrative tree (centre, 34 provinces, 3,321 communes): its load from the
 * official list and the unit API.
 */
@NullMarked
package vn.nq57.identity.unit;

import org.jspecify.annotations.NullMarked;
