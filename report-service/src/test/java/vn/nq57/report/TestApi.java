package vn.nq57.report;

import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * Calls the running service over HTTP, through its real security filter chain, and
 * answers status and JSON body whatever the status.
 */
public final class TestApi {

	private final RestClient client;

	private final JsonMapper jsonMapper;

	TestApi(int port, JsonMapper jsonMapper) {
		this.client = RestClient.builder().baseUrl("http://localhost:" + port).build();
		this.jsonMapper = jsonMapper;
	}

	public Response get(String path, @Nullable String authorization) {
		return exchange(HttpMethod.GET, path, authorization, null);
	}

	public Response put(String path, @Nullable String authorization, Object body) {
		return exchange(HttpMethod.PUT, path, authorization, body);
	}

	public Response post(String path, @Nullable String authorization, Object body) {
		return exchange(HttpMethod.POST, path, authorization, body);
	}

	private Response exchange(HttpMethod method, String path, @Nullable String authorization, @Nullable Object body) {
		RestClient.RequestBodySpec request = this.client.method(method).uri(path);
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON).body(this.jsonMapper.writeValueAsString(body));
		}
		return request.exchange((req, res) -> {
			byte[] bytes = res.getBody().readAllBytes();
			String text = new String(bytes, StandardCharsets.UTF_8);
			MediaType type = res.getHeaders().getContentType();
			boolean isJson = type != null && type.getSubtype().contains("json") && !text.isBlank();
			JsonNode json = isJson ? this.jsonMapper.readTree(text) : this.jsonMapper.createObjectNode();
			return new Response(res.getStatusCode().value(), json, text);
		});
	}

	/**
	 * An answer.
	 *
	 * @param status the HTTP status
	 * @param json the body as JSON
	 * @param text the body as text
	 */
	public record Response(int status, JsonNode json, String text) {
	}

}
