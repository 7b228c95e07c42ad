/**
 * dashboard-service.
 */
@NullMarked
package vn.nq57.dashboard;

import org.jspecify.annotations.NullMarked;
