package vn.nq57.gateway.problem;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.function.ServerResponse;
import org.springframework.web.util.HtmlUtils;

/**
 * Builds the RFC 9457 problem details the gateway answers with, in the same shape as the
 * services': {@code type} {@code urn:nq57:problem:<code>}, the Vietnamese message as
 * {@code title} and {@code detail}, the stable {@code code} and the request path as
 * {@code instance}.
 */
@Component
public class GatewayProblems {

	private final JsonMapper jsonMapper;

	private final ObjectProvider<Tracer> tracer;

	public GatewayProblems(JsonMapper jsonMapper, ObjectProvider<Tracer> tracer) {
		this.jsonMapper = jsonMapper;
		this.tracer = tracer;
	}

	/**
	 * Builds the problem for a catalogued error.
	 * @param error the error
	 * @param path the request path
	 * @param arguments values for the message's placeholders
	 * @return the problem
	 */
	public Map<String, Object> problem(GatewayError error, String path, Object... arguments) {
		String detail = error.message(arguments);
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "urn:nq57:problem:" + error.code());
		problem.put("title", detail);
		problem.put("status", error.status().value());
		problem.put("detail", detail);
		problem.put("instance", path);
		problem.put("code", error.code());
		String traceId = currentTraceId();
		if (traceId != null) {
			problem.put("traceId", traceId);
		}
		return problem;
	}

	private @Nullable String currentTraceId() {
		Tracer current = this.tracer.getIfAvailable();
		Span span = (current != null) ? current.currentSpan() : null;
		return (span != null) ? span.context().traceId() : null;
	}

	/**
	 * The problem as a functional response, for routes and their filters.
	 * @param error the error
	 * @param path the request path
	 * @param arguments values for the message's placeholders
	 * @return the response
	 */
	public ServerResponse response(GatewayError error, String path, Object... arguments) {
		return responseWithHeaders(error, path, new HttpHeaders(), arguments);
	}

	/**
	 * The problem as a functional response with extra headers, e.g. {@code Retry-After}.
	 * @param error the error
	 * @param path the request path
	 * @param headers headers to add
	 * @param arguments values for the message's placeholders
	 * @return the response
	 */
	public ServerResponse responseWithHeaders(GatewayError error, String path, HttpHeaders headers,
			Object... arguments) {
		return ServerResponse.status(error.status())
			.headers((target) -> target.addAll(headers))
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(this.jsonMapper.writeValueAsBytes(problem(error, path, arguments)));
	}

	/**
	 * The problem as a small Vietnamese HTML page in the front end's layout (as
	 * {@code sign-in-failed.html}), for a browser's navigation or form post (the sign-in
	 * pages), which could not show problem JSON.
	 * @param error the error
	 * @param headers extra headers, e.g. {@code Retry-After}
	 * @param arguments values for the message's placeholders
	 * @return the response
	 */
	public ServerResponse page(GatewayError error, HttpHeaders headers, Object... arguments) {
		String message = HtmlUtils.htmlEscape(error.message(arguments), StandardCharsets.UTF_8.name());
		String html = "<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\">"
				+ "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
				+ "<title>Giám sát Nghị quyết 57</title><link rel=\"stylesheet\" href=\"/css/app.css\"></head><body>"
				+ "<header class=\"topbar\"><a class=\"brand\" href=\"/\"><span class=\"brand-mark\" aria-hidden=\"true\">"
				+ "57</span><span>Giám sát NQ 57</span></a></header><main><section class=\"panel\">"
				+ "<h1 class=\"page-title\">Yêu cầu chưa được thực hiện</h1><p role=\"alert\">" + message + "</p>"
				+ "<p><a class=\"button button-primary\" href=\"/\">Thử lại</a></p><p class=\"muted\">Mã lỗi "
				+ error.code() + "</p></section></main></body></html>";
		return ServerResponse.status(error.status())
			.headers((target) -> target.addAll(headers))
			.contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
			.body(html);
	}

	/**
	 * Writes the problem straight to a servlet response, for security filters that run
	 * before Spring MVC.
	 * @param request the request
	 * @param response the response
	 * @param error the error
	 * @param arguments values for the message's placeholders
	 * @throws IOException if the response cannot be written
	 */
	public void write(HttpServletRequest request, HttpServletResponse response, GatewayError error, Object... arguments)
			throws IOException {
		Map<String, Object> problem = problem(error, request.getRequestURI(), arguments);
		response.setStatus(error.status().value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getOutputStream().write(this.jsonMapper.writeValueAsBytes(problem));
	}

}
