/**
 * The audit log: sign-ins, lockouts, resets, CCCD links and every administrator's action,
 * kept in {@code audit_event} and published as {@code AuditRecorded} through the outbox,
 * in the transaction of the action itself (a refused or failed action leaves nothing).
 * The centre reads the whole log, a province the entries of its units.
 */
@NullMarked
package vn.nq57.identity.audit;

import org.jspecify.annotations.NullMarked;
