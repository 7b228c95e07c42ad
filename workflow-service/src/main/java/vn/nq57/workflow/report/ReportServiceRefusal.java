package vn.nq57.workflow.report;

import java.util.List;

import org.springframework.http.HttpStatus;

import vn.nq57.common.web.ErrorCode;
import vn.nq57.common.web.FieldProblem;

/**
 * report-service refused a transition (4xx): its verdict, with its own catalogued code,
 * Vietnamese detail and field errors, to be passed on to the user unchanged.
 */
public class ReportServiceRefusal extends RuntimeException {

	private final HttpStatus status;

	private final String code;

	private final String detail;

	private final List<FieldProblem> fieldProblems;

	ReportServiceRefusal(HttpStatus status, String code, String detail, List<FieldProblem> fieldProblems) {
		super("report-service refused with " + status.value() + " " + code);
		this.status = status;
		this.code = code;
		this.detail = detail;
		this.fieldProblems = List.copyOf(fieldProblems);
	}

	/**
	 * The HTTP status report-service answered with.
	 * @return the status
	 */
	public HttpStatus status() {
		return this.status;
	}

	/**
	 * The code of report-service's catalogue, for example {@code RPT-012}.
	 * @return the code
	 */
	public String code() {
		return this.code;
	}

	/**
	 * Whether the refusal is a verdict on the transition itself (the state moved on, or
	 * required columns are missing) rather than a fault between the services.
	 * @return true for 409 and 422
	 */
	public boolean isVerdict() {
		return this.status == HttpStatus.CONFLICT || this.status == HttpStatus.UNPROCESSABLE_CONTENT;
	}

	/**
	 * The refusal as a catalogue entry of its own, so the problem-details advice answers
	 * it with report-service's code and detail.
	 * @return the error
	 */
	public ErrorCode asError() {
		return new PassedThroughError(this.code, this.status, this.detail);
	}

	/**
	 * The fields report-service named, possibly empty.
	 * @return the field problems
	 */
	public List<FieldProblem> fieldProblems() {
		return this.fieldProblems;
	}

	private record PassedThroughError(String code, HttpStatus status, String message) implements ErrorCode {
	}

}
