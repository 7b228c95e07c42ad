/**
 * The check of the read model against report-service's own counts.
 */
@NullMarked
package vn.nq57.dashboard.reconcile;

import org.jspecify.annotations.NullMarked;
