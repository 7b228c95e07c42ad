package vn.nq57.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import vn.nq57.contracts.file.AttachmentAdded;
import vn.nq57.contracts.file.AttachmentRemoved;
import vn.nq57.contracts.identity.AccountProvisioned;
import vn.nq57.contracts.identity.AuditRecorded;
import vn.nq57.contracts.identity.UnitChanged;
import vn.nq57.contracts.identity.UnitRegistered;
import vn.nq57.contracts.report.PeriodOpened;
import vn.nq57.contracts.report.ReportDraftSaved;
import vn.nq57.contracts.report.ReportEvaluated;
import vn.nq57.contracts.report.TemplateVersionPublished;
import vn.nq57.contracts.workflow.ReminderIssued;
import vn.nq57.contracts.workflow.ReportDeadlineExtended;
import vn.nq57.contracts.workflow.ReportTransitioned;
import vn.nq57.contracts.workflow.WorkflowAction;

import static org.assertj.core.api.Assertions.assertThat;

class EventSchemaTests {

	private static final UUID ID = UUID.fromString("6f1c2a3e-7b8d-4e9f-a0b1-c2d3e4f5a6b7");

	private static final Instant NOW = Instant.parse("2025-06-30T03:15:00Z");

	private final JsonMapper json = JsonMapper.builder().build();

	private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

	@Test
	void everyCatalogedEventWhenSerialisedThenMatchesItsSchema() {
		for (Nq57Event event : samples()) {
			EventCatalog.Entry entry = entryFor(event.type());

			List<Error> errors = schema(entry).validate(this.json.valueToTree(event));

			assertThat(errors).as(event.type()).isEmpty();
			assertThat(entry.payload()).isEqualTo(event.getClass());
		}
	}

	@Test
	void everyCatalogEntryWhenListedThenHasASampleAndASchemaFile() throws IOException {
		List<String> sampled = samples().stream().map(Nq57Event::type).distinct().toList();
		Path folder = Paths.get("src/main/resources/schemas");
		List<String> files;
		try (Stream<Path> paths = Files.list(folder)) {
			files = paths.map((path) -> path.getFileName().toString().replace(".json", "")).toList();
		}

		List<String> cataloged = EventCatalog.entries().stream().map(EventCatalog.Entry::type).toList();

		assertThat(cataloged).containsExactlyInAnyOrderElementsOf(sampled);
		assertThat(cataloged).containsExactlyInAnyOrderElementsOf(files);
	}

	@Test
	void payloadWhenFieldMissingOrUnknownThenSchemaRejectsIt() {
		UnitRegistered event = new UnitRegistered("30943", "Xã Long Thạnh", "xã", UnitLevel.COMMUNE, "91", true);
		Schema schema = schema(entryFor(UnitRegistered.TYPE));
		ObjectNode missing = this.json.valueToTree(event);
		missing.remove("unitCode");
		ObjectNode unknown = this.json.valueToTree(event);
		unknown.put("cccd", "012345678901");
		ObjectNode badCode = this.json.valueToTree(event);
		badCode.put("unitCode", "3094");

		assertThat(schema.validate(missing)).isNotEmpty();
		assertThat(schema.validate(unknown)).isNotEmpty();
		assertThat(schema.validate(badCode)).isNotEmpty();
	}

	@Test
	void transitionWhenTypeAndActionDisagreeThenSchemaRejectsIt() {
		JsonNode approved = this.json.valueToTree(transition(WorkflowAction.APPROVE));

		List<Error> errors = schema(entryFor(WorkflowAction.SUBMIT.eventType())).validate(approved);

		assertThat(errors).isNotEmpty();
	}

	private Schema schema(EventCatalog.Entry entry) {
		try (InputStream in = EventCatalog.class.getResourceAsStream(entry.schemaResource())) {
			assertThat(in).as(entry.schemaResource()).isNotNull();
			return this.registry.getSchema(in, InputFormat.JSON);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static EventCatalog.Entry entryFor(String type) {
		return EventCatalog.entries()
			.stream()
			.filter((entry) -> entry.type().equals(type))
			.findFirst()
			.orElseThrow(() -> new AssertionError("Not cataloged: " + type));
	}

	private static List<Nq57Event> samples() {
		return List.of(new UnitRegistered("30943", "Xã Long Thạnh", "xã", UnitLevel.COMMUNE, "91", true),
				new UnitRegistered("TW", "Trung ương", "trung ương", UnitLevel.CENTRAL, null, true),
				new AccountProvisioned(ID, "30943_01", "30943", Role.DATA_ENTRY),
				new UnitChanged(ID, "MERGED", List.of("30943", "30946"), List.of("30946"), LocalDate.of(2025, 7, 1)),
				new AuditRecorded(ID, "ROLE_CHANGED", "tinh_91", "30943_01", "30943", "91", NOW,
						"DATA_ENTRY -> LEADER"),
				new AuditRecorded(ID, "SIGN_IN_FAILED", null, null, null, null, NOW, null),
				new PeriodOpened(ID, "BC_NGAY_XA", 1, "DAY", LocalDate.of(2025, 6, 30), LocalDate.of(2025, 6, 30),
						LocalDate.of(2025, 6, 29), LocalDate.of(2025, 6, 30), 3321),
				new ReportDraftSaved(ID, ID, "BC_NGAY_XA", "30943", "91", 3, List.of("B", "D"),
						Map.of("B", "Đã hoàn thành", "D", "Yếu"), ID, NOW),
				new ReportEvaluated(ID, ID, "30943", "91", 5, "Đạt yêu cầu", ID, NOW),
				new TemplateVersionPublished("BC_NGAY_XA", 2, "DAY",
						List.of(new TemplateVersionPublished.Column("D", "Hạ tầng mạng", "CHOICE",
								List.of("Tốt", "Tạm được", "Yếu", "Không ổn định"), true, "UNIT"),
								new TemplateVersionPublished.Column("N", "Vướng mắc chính trong ngày", "TEXT",
										List.of(), false, "UNIT")),
						NOW),
				transition(WorkflowAction.SUBMIT), transition(WorkflowAction.RECALL),
				transition(WorkflowAction.APPROVE), transition(WorkflowAction.RETURN),
				new ReportDeadlineExtended(ID, ID, ID, "30943", "91", LocalDate.of(2025, 7, 3),
						"Mất điện diện rộng do mưa bão", "tinh_91", NOW),
				new ReminderIssued(ID, ID, ID, "30943", "91", ReminderIssued.Audience.DATA_ENTRY, "PT2H",
						Instant.parse("2025-06-30T16:59:59.999999999Z"), NOW),
				new AttachmentAdded(ID, ID, "30943", "91", "ENTRY", "application/pdf", 1024,
						"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", ID, NOW),
				new AttachmentRemoved(ID, ID, "30943", "91", ID, NOW));
	}

	private static ReportTransitioned transition(WorkflowAction action) {
		return new ReportTransitioned(ID, ID, ID, "30943", "91", action, ReportState.SUBMITTED, action.target(), ID,
				Role.LEADER, true, 4, NOW);
	}

}
