package vn.nq57.identity.admin;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import vn.nq57.identity.IdentityServiceTest;
import vn.nq57.testsupport.EventSchemas;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Calls of the admin API with JSON bodies, and what the outbox and the audit log hold.
 * Shares the module's one Spring context.
 */
public abstract class AdminTestSupport extends IdentityServiceTest {

	/**
	 * Calls an API path with a bearer token and a JSON body.
	 * @param method the method
	 * @param path the path under {@code /auth}
	 * @param username whose token
	 * @param body the JSON body, or {@code null}
	 * @return the response
	 */
	protected HttpResponse<String> call(String method, String path, String username, @Nullable String body) {
		HttpRequest request = HttpRequest.newBuilder(uri(path))
			.header("Accept", "application/json")
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + tokensFor(username).accessToken())
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)
							: HttpRequest.BodyPublishers.noBody())
			.build();
		try {
			return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Checks a refusal: status, code, and a field problem naming the field.
	 * @param response the response
	 * @param status the status
	 * @param code the catalogue code
	 * @param field the field named, or {@code null} for none
	 * @return the problem
	 */
	protected JsonNode assertProblem(HttpResponse<String> response, int status, String code, @Nullable String field) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		JsonNode problem = readJson(response);
		assertThat(problem.get("code").asString()).isEqualTo(code);
		if (field != null) {
			assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo(field);
			assertThat(problem.get("errors").get(0).get("message").asString()).isNotBlank();
		}
		return problem;
	}

	/**
	 * The number of rows in the outbox and the audit log, to prove a refusal left
	 * nothing.
	 */
	protected long[] traces() {
		return new long[] { this.jdbc.sql("select count(*) from outbox_event").query(Long.class).single(),
				this.jdbc.sql("select count(*) from audit_event").query(Long.class).single() };
	}

	/**
	 * The payloads of the events of a type published since the outbox row id, each
	 * checked against its JSON Schema.
	 * @param type the event type
	 * @param afterId the outbox id before the action
	 * @return the payloads, in order
	 */
	protected List<JsonNode> eventsSince(String type, long afterId) {
		List<String> bodies = this.jdbc
			.sql("select payload::text from outbox_event where event_type = :type and id > :id order by id")
			.param("type", type)
			.param("id", afterId)
			.query(String.class)
			.list();
		for (String body : bodies) {
			assertThat(EventSchemas.violations(type, body)).as(body).isEmpty();
		}
		return bodies.stream().map(this.json::readTree).toList();
	}

	/** The last outbox row id. */
	protected long lastOutboxId() {
		return this.jdbc.sql("select coalesce(max(id), 0) from outbox_event").query(Long.class).single();
	}

	/**
	 * The audit rows of an action for a target since the outbox id's time.
	 * @param action the action
	 * @param target the target account, or {@code null} for any
	 * @param afterId the outbox id before the action
	 * @return the rows
	 */
	protected List<Map<String, Object>> auditSince(String action, @Nullable String target, long afterId) {
		return this.jdbc.sql("""
				select a.* from audit_event a join outbox_event o on o.subject = a.id::text
				where a.action = :action and (cast(:target as varchar) is null or a.target_username = :target)
				  and o.id > :id
				order by o.id
				""").param("action", action).param("target", target).param("id", afterId).query().listOfRows();
	}

}
