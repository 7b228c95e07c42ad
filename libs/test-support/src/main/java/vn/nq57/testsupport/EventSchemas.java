package vn.nq57.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/**
 * Checks a published event body against the JSON Schema event-contracts ships for its
 * type, as a third-party consumer would.
 */
public final class EventSchemas {

	private static final SchemaRegistry REGISTRY = SchemaRegistry
		.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

	private EventSchemas() {
	}

	/**
	 * The schema violations of a body.
	 * @param type the CloudEvents type
	 * @param body the JSON body as published
	 * @return the violations, empty when the body matches
	 */
	public static List<String> violations(String type, String body) {
		try (InputStream in = EventSchemas.class.getResourceAsStream("/schemas/" + type + ".json")) {
			if (in == null) {
				return List.of("no schema for " + type);
			}
			String schemaText = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			Schema schema = REGISTRY.getSchema(schemaText, InputFormat.JSON);
			return schema.validate(body, InputFormat.JSON).stream().map(Error::toString).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
