package vn.nq57.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import vn.nq57.contracts.identity.UnitRegistered;
import vn.nq57.contracts.report.ReportDraftSaved;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every published schema is kept as a baseline in
 * {@code src/test/resources/schema-baseline}; the current schema may change only as
 * COMPATIBILITY.md allows. The last tests break a copy of a schema in memory to show the
 * check notices each kind of breaking change.
 */
class SchemaCompatibilityTests {

	private static final Path BASELINES = Paths.get("src/test/resources/schema-baseline");

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void everyCatalogedSchemaWhenComparedWithItsBaselineThenHasNoBreakingChange() {
		for (EventCatalog.Entry entry : EventCatalog.entries()) {
			JsonNode baseline = read("/schema-baseline/" + entry.type() + ".json");
			JsonNode current = read(entry.schemaResource());

			assertThat(SchemaCompatibility.breakingChanges(baseline, current)).as(entry.type()).isEmpty();
		}
	}

	@Test
	void everyBaselineWhenListedThenItsTypeIsStillCataloged() throws IOException {
		List<String> baselines;
		try (Stream<Path> paths = Files.list(BASELINES)) {
			baselines = paths.map((path) -> path.getFileName().toString().replace(".json", "")).toList();
		}

		List<String> cataloged = EventCatalog.entries().stream().map(EventCatalog.Entry::type).toList();

		assertThat(cataloged).containsExactlyInAnyOrderElementsOf(baselines);
	}

	@Test
	void checkWhenOptionalPropertyAddedThenReportsNothing() {
		ObjectNode baseline = schemaOf(UnitRegistered.TYPE);
		ObjectNode current = baseline.deepCopy();
		properties(current).putObject("shortName").put("type", "string");

		assertThat(SchemaCompatibility.breakingChanges(baseline, current)).isEmpty();
	}

	@Test
	void checkWhenPropertyRemovedThenReportsIt() {
		ObjectNode baseline = schemaOf(UnitRegistered.TYPE);
		ObjectNode current = baseline.deepCopy();
		properties(current).remove("unitType");
		removeValue((ArrayNode) current.get("required"), "unitType");

		assertThat(SchemaCompatibility.breakingChanges(baseline, current)).containsExactly("$.unitType: removed");
	}

	@Test
	void checkWhenPropertyRenamedThenReportsTheOldNameRemoved() {
		ObjectNode baseline = schemaOf(UnitRegistered.TYPE);
		ObjectNode current = baseline.deepCopy();
		properties(current).set("kind", properties(current).remove("unitType"));

		assertThat(SchemaCompatibility.breakingChanges(baseline, current)).contains("$.unitType: removed");
	}

	@Test
	void checkWhenPropertyTypeChangedThenReportsIt() {
		ObjectNode baseline = schemaOf(UnitRegistered.TYPE);
		ObjectNode current = baseline.deepCopy();
		((ObjectNode) properties(current).get("active")).put("type", "string");

		assertThat(SchemaCompatibility.breakingChanges(baseline, current))
			.containsExactly("$.active: type changed from \"boolean\" to \"string\"");
	}

	@Test
	void checkWhenOptionalPropertyBecomesRequiredThenReportsIt() {
		ObjectNode current = schemaOf(UnitRegistered.TYPE);
		ObjectNode baseline = current.deepCopy();
		removeValue((ArrayNode) baseline.get("required"), "provinceCode");

		assertThat(SchemaCompatibility.breakingChanges(baseline, current))
			.containsExactly("$.provinceCode: became required");
	}

	@Test
	void checkWhenRequiredPropertyBecomesOptionalThenReportsIt() {
		ObjectNode baseline = schemaOf(UnitRegistered.TYPE);
		ObjectNode current = baseline.deepCopy();
		removeValue((ArrayNode) current.get("required"), "name");

		assertThat(SchemaCompatibility.breakingChanges(baseline, current)).containsExactly("$.name: became optional");
	}

	@Test
	void checkWhenEnumLosesAValueThenReportsIt() {
		ObjectNode baseline = schemaOf(UnitRegistered.TYPE);
		ObjectNode current = baseline.deepCopy();
		removeValue((ArrayNode) properties(current).get("level").get("enum"), "COMMUNE");

		assertThat(SchemaCompatibility.breakingChanges(baseline, current))
			.containsExactly("$.level: enum lost \"COMMUNE\"");
	}

	@Test
	void checkWhenAdditionalPropertiesChangedThenReportsIt() {
		ObjectNode baseline = schemaOf(UnitRegistered.TYPE);
		ObjectNode current = baseline.deepCopy();
		current.put("additionalProperties", true);

		assertThat(SchemaCompatibility.breakingChanges(baseline, current))
			.containsExactly("$: additionalProperties changed from false to true");
	}

	@Test
	void checkWhenNestedPatternTightenedThenReportsItsPath() {
		ObjectNode baseline = schemaOf(ReportDraftSaved.TYPE);
		ObjectNode current = baseline.deepCopy();
		((ObjectNode) properties(current).get("changedColumns").get("items")).put("pattern", "^[A-Z]$");

		assertThat(SchemaCompatibility.breakingChanges(baseline, current))
			.containsExactly("$.changedColumns.items: pattern changed from \"^[A-Z]{1,2}$\" to \"^[A-Z]$\"");
	}

	private ObjectNode schemaOf(String type) {
		return (ObjectNode) read("/schemas/" + type + ".json");
	}

	private JsonNode read(String resource) {
		try (InputStream in = EventCatalog.class.getResourceAsStream(resource)) {
			assertThat(in).as("%s (a newly published type needs its baseline copied to schema-baseline)", resource)
				.isNotNull();
			return this.json.readTree(in);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static ObjectNode properties(ObjectNode schema) {
		return (ObjectNode) schema.get("properties");
	}

	private static void removeValue(ArrayNode array, String value) {
		for (int i = 0; i < array.size(); i++) {
			if (value.equals(array.get(i).stringValue())) {
				array.remove(i);
				return;
			}
		}
		throw new AssertionError(value + " not in " + array);
	}

}
