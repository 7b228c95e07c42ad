package vn.nq57.localstack;

/**
 * The stack could not start or stop; the message says what to look at.
 */
public class StackException extends RuntimeException {

	StackException(String message) {
		super(message);
	}

	StackException(String message, Throwable cause) {
		super(message, cause);
	}

}
