/**
 * The dashboards' reads, scope checks and live server-sent events.
 */
@NullMarked
package vn.nq57.dashboard.board;

import org.jspecify.annotations.NullMarked;
