package vn.nq57.common.web;

import org.springframework.http.HttpStatus;

/**
 * One entry of a service's numbered error catalogue. Each service keeps its own enum
 * (prefix per service, for example {@code RPT-} for report-service); the code is stable
 * and documented, the message is Vietnamese and tells the user what to fix.
 */
public interface ErrorCode {

	/**
	 * The stable code, for example {@code RPT-004}.
	 * @return the code
	 */
	String code();

	/**
	 * The HTTP status the error answers with.
	 * @return the status
	 */
	HttpStatus status();

	/**
	 * The Vietnamese message; may hold {@code %s} placeholders filled from the
	 * exception's arguments.
	 * @return the message template
	 */
	String message();

}
