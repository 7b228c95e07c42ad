package vn.nq57.common.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every failure into Vietnamese problem details. Refusals are logged at DEBUG with
 * their code; unexpected failures once at ERROR with the trace id, and their cause is
 * never echoed to the client.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice {

	private static final Logger logger = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

	private final ProblemWriter problemWriter;

	public ProblemDetailsAdvice(ProblemWriter problemWriter) {
		this.problemWriter = problemWriter;
	}

	@ExceptionHandler(ApiException.class)
	ResponseEntity<ProblemDetail> handleApiException(ApiException ex, HttpServletRequest request) {
		logger.debug("Refused {} {}: {}", request.getMethod(), request.getRequestURI(), ex.error().code());
		return answer(ex.error(), ex.userMessage(), ex.fieldProblems(), request);
	}

	@ExceptionHandler(MethodArgumentNotValidException.class)
	ResponseEntity<ProblemDetail> handleInvalidBody(MethodArgumentNotValidException ex, HttpServletRequest request) {
		List<FieldProblem> problems = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map((error) -> new FieldProblem(error.getField(),
					"Trường '" + error.getField() + "' " + error.getDefaultMessage()))
			.toList();
		return answer(CommonError.INVALID_FIELDS, CommonError.INVALID_FIELDS.message(), problems, request);
	}

	@ExceptionHandler(ConstraintViolationException.class)
	ResponseEntity<ProblemDetail> handleConstraintViolation(ConstraintViolationException ex,
			HttpServletRequest request) {
		List<FieldProblem> problems = ex.getConstraintViolations()
			.stream()
			.map((violation) -> new FieldProblem(violation.getPropertyPath().toString(), violation.getMessage()))
			.toList();
		return answer(CommonError.INVALID_FIELDS, CommonError.INVALID_FIELDS.message(), problems, request);
	}

	@ExceptionHandler({ HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class,
			MissingServletRequestParameterException.class })
	ResponseEntity<ProblemDetail> handleMalformed(Exception ex, HttpServletRequest request) {
		logger.debug("Malformed request {} {}: {}", request.getMethod(), request.getRequestURI(),
				ex.getClass().getSimpleName());
		return answer(CommonError.MALFORMED_REQUEST, CommonError.MALFORMED_REQUEST.message(), List.of(), request);
	}

	@ExceptionHandler(AccessDeniedException.class)
	ResponseEntity<ProblemDetail> handleAccessDenied(AccessDeniedException ex, HttpServletRequest request) {
		return answer(CommonError.FORBIDDEN, CommonError.FORBIDDEN.message(), List.of(), request);
	}

	@ExceptionHandler(NoResourceFoundException.class)
	ResponseEntity<ProblemDetail> handleNoResource(NoResourceFoundException ex, HttpServletRequest request) {
		return answer(CommonError.NOT_FOUND, CommonError.NOT_FOUND.message(), List.of(), request);
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ResponseEntity<ProblemDetail> handleMethod(HttpRequestMethodNotSupportedException ex, HttpServletRequest request) {
		return answer(CommonError.METHOD_NOT_ALLOWED, CommonError.METHOD_NOT_ALLOWED.message(), List.of(), request);
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<ProblemDetail> handleMediaType(HttpMediaTypeNotSupportedException ex, HttpServletRequest request) {
		return answer(CommonError.UNSUPPORTED_MEDIA_TYPE, CommonError.UNSUPPORTED_MEDIA_TYPE.message(), List.of(),
				request);
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> handleUnexpected(Exception ex, HttpServletRequest request) {
		logger.error("Unexpected failure on {} {} (trace {})", request.getMethod(), request.getRequestURI(),
				this.problemWriter.currentTraceId(), ex);
		return answer(CommonError.INTERNAL, CommonError.INTERNAL.message(), List.of(), request);
	}

	private ResponseEntity<ProblemDetail> answer(ErrorCode error, String detail, List<FieldProblem> problems,
			HttpServletRequest request) {
		ProblemDetail problem = this.problemWriter.problem(error, detail, problems, request.getRequestURI());
		HttpStatus status = error.status();
		return ResponseEntity.status(status).body(problem);
	}

}
