/**
 * Events published on {@link vn.nq57.contracts.Topics#REPORT}.
 */
@NullMarked
package vn.nq57.contracts.report;

import org.jspecify.annotations.NullMarked;
