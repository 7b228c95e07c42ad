/**
 * Tests of the audit log and its events.
 */
@NullMarked
package vn.nq57.identity.audit;

import org.jspecify.annotations.NullMarked;
