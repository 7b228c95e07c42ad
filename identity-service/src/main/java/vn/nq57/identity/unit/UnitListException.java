package vn.nq57.identity.unit;

import java.util.List;

/**
 * The official unit list cannot be loaded; the message names every line at fault so the
 * operator can correct the file. Nothing is written when it is thrown.
 */
public class UnitListException extends RuntimeException {

	private final List<String> problems;

	UnitListException(String source, List<String> problems) {
		super("Unit list " + source + " is invalid (" + problems.size() + " problem(s)):\n  - "
				+ String.join("\n  - ", problems));
		this.problems = List.copyOf(problems);
	}

	/**
	 * What is wrong, one entry per problem, each naming its line.
	 * @return the problems
	 */
	public List<String> problems() {
		return this.problems;
	}

}
