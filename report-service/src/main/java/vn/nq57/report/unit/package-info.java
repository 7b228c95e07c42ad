/**
 * report-service: the local replica of identity-service's unit tree, fed by
 * UnitRegistered events.
 */
@NullMarked
package vn.nq57.report.unit;

import org.jspecify.annotations.NullMarked;
