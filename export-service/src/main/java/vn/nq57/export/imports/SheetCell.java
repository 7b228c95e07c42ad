package vn.nq57.export.imports;

import org.jspecify.annotations.Nullable;

/**
 * One cell as stored in the sheet XML, before any interpretation.
 *
 * @param text the value as text: the string, or a number in plain notation
 * @param numeric whether the cell holds a number (a typed date is one too)
 * @param formula the formula, if the cell has one
 */
record SheetCell(String text, boolean numeric, @Nullable String formula) {
}
