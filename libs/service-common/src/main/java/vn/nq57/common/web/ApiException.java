package vn.nq57.common.web;

import java.util.List;

/**
 * A refusal with a catalogued code and a Vietnamese message, answered as RFC 9457 problem
 * details. Thrown before anything is written, so a refused request changes nothing.
 */
public class ApiException extends RuntimeException {

	private final ErrorCode error;

	private final List<FieldProblem> fieldProblems;

	private final Object[] arguments;

	/**
	 * Creates a refusal.
	 * @param error the catalogue entry
	 * @param arguments values for the message's {@code %s} placeholders
	 */
	public ApiException(ErrorCode error, Object... arguments) {
		this(error, List.of(), arguments);
	}

	/**
	 * Creates a refusal that names the fields at fault.
	 * @param error the catalogue entry
	 * @param fieldProblems what is wrong with each field
	 * @param arguments values for the message's {@code %s} placeholders
	 */
	public ApiException(ErrorCode error, List<FieldProblem> fieldProblems, Object... arguments) {
		super(error.code());
		this.error = error;
		this.fieldProblems = List.copyOf(fieldProblems);
		this.arguments = arguments.clone();
	}

	/**
	 * The catalogue entry.
	 * @return the error
	 */
	public ErrorCode error() {
		return this.error;
	}

	/**
	 * The fields at fault, possibly empty.
	 * @return the field problems
	 */
	public List<FieldProblem> fieldProblems() {
		return this.fieldProblems;
	}

	/**
	 * The user-facing Vietnamese message with its placeholders filled.
	 * @return the message
	 */
	public String userMessage() {
		return (this.arguments.length == 0) ? this.error.message() : this.error.message().formatted(this.arguments);
	}

}
