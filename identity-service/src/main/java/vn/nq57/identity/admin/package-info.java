/**
 * Administration by the centre and the provinces: the unit tree (rename, merge, split,
 * move, with history), accounts within the caller's scope (list, enable, disable, role,
 * one-time initial passwords) and bulk provisioning with a downloadable sheet per
 * province.
 */
@NullMarked
package vn.nq57.identity.admin;

import org.jspecify.annotations.NullMarked;
