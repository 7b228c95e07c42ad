package vn.nq57.common.web;

/**
 * What is wrong with one field, column or cell.
 *
 * @param field the field name, column letter or cell address, for example {@code D} or
 * {@code D7}
 * @param message the Vietnamese explanation naming the field and what is allowed
 */
public record FieldProblem(String field, String message) {
}
