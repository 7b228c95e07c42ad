package vn.nq57.identity.unit;

import org.jspecify.annotations.Nullable;

import vn.nq57.contracts.UnitLevel;

/**
 * One unit of the administrative tree.
 *
 * @param code the national statistics code: 5 digits for a commune, 2 for a province,
 * {@code TW} for the centre
 * @param name the official name, NFC-normalised, for example "Xã Long Thạnh"
 * @param unitType the kind of unit as the official list writes it: {@code xã},
 * {@code phường}, {@code đặc khu}, {@code tỉnh}, {@code thành phố trung ương} or
 * {@code trung ương}
 * @param level the level in the tree
 * @param provinceCode the province the unit belongs to (its own code for a province);
 * {@code null} for the centre
 * @param active whether the unit is in the current official list
 */
public record Unit(String code, String name, String unitType, UnitLevel level, @Nullable String provinceCode,
		boolean active) {

	/** The code of the centre. */
	public static final String CENTRE_CODE = "TW";

	/** The centre, above every province. */
	public static final Unit CENTRE = new Unit(CENTRE_CODE, "Trung ương", "trung ương", UnitLevel.CENTRAL, null, true);

}
