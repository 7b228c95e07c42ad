package vn.nq57.common.web;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;

/**
 * Builds the problem details every NQ57 service answers errors with: {@code type}
 * {@code urn:nq57:problem:<code>}, a Vietnamese {@code detail}, the stable {@code code},
 * the field problems as {@code errors}, and the {@code traceId} support can search for.
 */
public class ProblemWriter {

	private final JsonMapper jsonMapper;

	private final ObjectProvider<Tracer> tracer;

	public ProblemWriter(JsonMapper jsonMapper, ObjectProvider<Tracer> tracer) {
		this.jsonMapper = jsonMapper;
		this.tracer = tracer;
	}

	/**
	 * Builds the problem for a catalogued error.
	 * @param error the error
	 * @param detail the Vietnamese message
	 * @param fieldProblems the fields at fault
	 * @param path the request path
	 * @return the problem
	 */
	public ProblemDetail problem(ErrorCode error, String detail, List<FieldProblem> fieldProblems,
			@Nullable String path) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(error.status(), detail);
		problem.setType(URI.create("urn:nq57:problem:" + error.code()));
		problem.setTitle(detail);
		if (path != null) {
			problem.setInstance(URI.create(path));
		}
		problem.setProperty("code", error.code());
		if (!fieldProblems.isEmpty()) {
			problem.setProperty("errors", fieldProblems);
		}
		String traceId = currentTraceId();
		if (traceId != null) {
			problem.setProperty("traceId", traceId);
		}
		return problem;
	}

	/**
	 * Writes the problem for a catalogued error straight to a servlet response, for
	 * filters that run before Spring MVC.
	 * @param request the request
	 * @param response the response
	 * @param error the error
	 * @throws IOException if the response cannot be written
	 */
	public void write(HttpServletRequest request, HttpServletResponse response, ErrorCode error) throws IOException {
		ProblemDetail problem = problem(error, error.message(), List.of(), request.getRequestURI());
		response.setStatus(error.status().value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getOutputStream().write(this.jsonMapper.writeValueAsBytes(problem));
	}

	/**
	 * The trace id of the current request, if tracing is on.
	 * @return the trace id or {@code null}
	 */
	public @Nullable String currentTraceId() {
		Tracer current = this.tracer.getIfAvailable();
		Span span = (current != null) ? current.currentSpan() : null;
		return (span != null) ? span.context().traceId() : null;
	}

}
