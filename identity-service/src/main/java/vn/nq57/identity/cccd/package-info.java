/**
 * Citizen identity numbers (CCCD): checking what was typed, and protecting what is stored
 * (a keyed hash for uniqueness and lookup, encryption for display to administrators).
 */
@NullMarked
package vn.nq57.identity.cccd;

import org.jspecify.annotations.NullMarked;
