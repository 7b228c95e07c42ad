package vn.nq57.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The AsyncAPI document {@code asyncapi/nq57-events.yaml} is written by hand; these tests
 * keep it in step with {@link Topics}, {@link EventCatalog} and the JSON Schemas.
 */
class AsyncApiDocumentTests {

	private static final String DOCUMENT = "/asyncapi/nq57-events.yaml";

	private final JsonNode document = read();

	@Test
	void documentWhenParsedThenIsAsyncApi3WithOneChannelPerTopic() throws IllegalAccessException {
		List<String> addresses = this.document.path("channels")
			.valueStream()
			.map((channel) -> channel.path("address").stringValue())
			.toList();

		assertThat(this.document.path("asyncapi").stringValue()).isEqualTo("3.0.0");
		assertThat(addresses).containsExactlyInAnyOrderElementsOf(topics());
	}

	@Test
	void documentWhenParsedThenHasOneMessagePerCatalogTypeOnItsTopic() {
		List<String> messages = new ArrayList<>();
		for (JsonNode channel : this.document.path("channels").values()) {
			String topic = channel.path("address").stringValue();
			for (JsonNode reference : channel.path("messages").values()) {
				JsonNode message = resolve(reference);
				String type = message.path("name").stringValue();
				messages.add(type);

				assertThat(topicOf(type)).as(type).isEqualTo(topic);
				assertThat(message.at("/headers/allOf/1/properties/ce_type/const").stringValue()).as(type)
					.isEqualTo(type);
			}
		}

		List<String> cataloged = EventCatalog.entries().stream().map(EventCatalog.Entry::type).toList();

		assertThat(messages).containsExactlyInAnyOrderElementsOf(cataloged);
		assertThat(this.document.path("components").path("messages").size()).isEqualTo(cataloged.size());
	}

	@Test
	void everyPayloadWhenResolvedThenIsTheSchemaFileOfItsType() {
		for (JsonNode message : this.document.path("components").path("messages").values()) {
			String type = message.path("name").stringValue();
			String reference = message.path("payload").path("$ref").stringValue();
			String resource = URI.create(DOCUMENT).resolve(reference).getPath();

			assertThat(resource).as(type).isEqualTo("/schemas/" + type + ".json");
			assertThat(EventCatalog.class.getResource(resource)).as(resource).isNotNull();
		}
	}

	@Test
	void everyOperationWhenListedThenSendsExactlyTheMessagesOfItsChannel() throws IllegalAccessException {
		List<String> sentOn = new ArrayList<>();
		for (JsonNode operation : this.document.path("operations").values()) {
			JsonNode channel = resolve(operation.path("channel"));
			List<JsonNode> sent = operation.path("messages").valueStream().map(this::resolve).toList();
			sentOn.add(channel.path("address").stringValue());

			assertThat(operation.path("action").stringValue()).isEqualTo("send");
			assertThat(sent).containsExactlyInAnyOrderElementsOf(
					channel.path("messages").valueStream().map(this::resolve).toList());
		}

		assertThat(sentOn).containsExactlyInAnyOrderElementsOf(topics());
	}

	@Test
	void documentWhenReadThenStatesTheDeliverySemantics() {
		String description = this.document.path("info").path("description").stringValue();

		assertThat(description).contains("At least once", "Ordered per key", "ce_id", "outbox", "Replayable");
	}

	/**
	 * Follows local references ({@code #/...}), also chains of them, to the object they
	 * point at.
	 */
	private JsonNode resolve(JsonNode node) {
		JsonNode resolved = node;
		while (resolved.has("$ref")) {
			String reference = resolved.get("$ref").stringValue();
			assertThat(reference).startsWith("#/");
			resolved = this.document.at(reference.substring(1));
			assertThat(resolved.isMissingNode()).as(reference).isFalse();
		}
		return resolved;
	}

	private static String topicOf(String type) {
		return EventCatalog.entries()
			.stream()
			.filter((entry) -> entry.type().equals(type))
			.map(EventCatalog.Entry::topic)
			.findFirst()
			.orElseThrow(() -> new AssertionError("Not cataloged: " + type));
	}

	private static List<String> topics() throws IllegalAccessException {
		List<String> topics = new ArrayList<>();
		for (Field field : Topics.class.getFields()) {
			if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
				topics.add((String) field.get(null));
			}
		}
		return topics;
	}

	private static JsonNode read() {
		try (InputStream in = EventCatalog.class.getResourceAsStream(DOCUMENT)) {
			assertThat(in).as(DOCUMENT).isNotNull();
			return YAMLMapper.builder().build().readTree(in);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
