/**
 * Tests of vn.nq57.identity.unit.
 */
@NullMarked
package vn.nq57.identity.unit;

import org.jspecify.annotations.NullMarked;
