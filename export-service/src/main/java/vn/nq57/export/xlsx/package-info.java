/**
 * Excel workbooks of one report or a period grid, written with Apache POI.
 */
@NullMarked
package vn.nq57.export.xlsx;

import org.jspecify.annotations.NullMarked;
