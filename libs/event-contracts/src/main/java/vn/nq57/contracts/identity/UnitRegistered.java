package vn.nq57.contracts.identity;

import org.jspecify.annotations.Nullable;

import vn.nq57.contracts.Nq57Event;
import vn.nq57.contracts.UnitLevel;

/**
 * A unit of the administrative tree was registered or its details changed (name, type,
 * parent). Consumers upsert by {@code unitCode}.
 *
 * @param unitCode the national statistics code (5 digits for a commune, 2 for a province,
 * {@code TW} for the centre)
 * @param name the official name, for example "Xã Long Thạnh"
 * @param unitType the kind of unit as written in the official list, for example "xã"
 * @param level the level in the tree
 * @param provinceCode the province the unit belongs to; {@code null} for the centre
 * @param active whether the unit still exists (false after a merge)
 */
public record UnitRegistered(String unitCode, String name, String unitType, UnitLevel level,
		@Nullable String provinceCode, boolean active) implements Nq57Event {

	/** The CloudEvents type of this event. */
	public static final String TYPE = "vn.nq57.identity.unit-registered.v1";

	@Override
	public String type() {
		return TYPE;
	}

	@Override
	public String subject() {
		return this.unitCode;
	}

}
