/**
 * Tests of the administration of units and accounts, and of bulk provisioning.
 */
@NullMarked
package vn.nq57.identity.admin;

import org.jspecify.annotations.NullMarked;
