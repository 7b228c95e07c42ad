package vn.nq57.contracts.identity;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import vn.nq57.contracts.Nq57Event;

/**
 * The centre changed the administrative tree: renamed a unit, moved a commune to another
 * province, merged communes or split one. The new state of every unit concerned follows
 * as {@link UnitRegistered} events from the same transaction, so consumers that only keep
 * a replica of the tree need nothing else; this event tells which units became which.
 *
 * @param changeId the id of the change
 * @param kind {@code RENAMED}, {@code MOVED}, {@code MERGED} or {@code SPLIT}
 * @param predecessorCodes the units the change started from (for a rename or move, the
 * unit itself)
 * @param successorCodes the units it left (for a merge into an existing unit, that unit)
 * @param effectiveDate the day the change takes effect, in Vietnam's calendar
 */
public record UnitChanged(UUID changeId, String kind, List<String> predecessorCodes, List<String> successorCodes,
		LocalDate effectiveDate) implements Nq57Event {

	/** The CloudEvents type of this event. */
	public static final String TYPE = "vn.nq57.identity.unit-changed.v1";

	@Override
	public String type() {
		return TYPE;
	}

	@Override
	public String subject() {
		return this.changeId.toString();
	}

	@Override
	public String partitionKey() {
		return this.successorCodes.get(0);
	}

}
