package vn.nq57.contracts;

import java.util.List;

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

/**
 * Every event type of the public contract, with its topic, payload record and JSON
 * Schema. Tests check that each record serialises to JSON its schema accepts; the
 * AsyncAPI document ({@code asyncapi/nq57-events.yaml}) is checked against the same list.
 */
public final class EventCatalog {

	private static final List<Entry> ENTRIES = List.of(
			new Entry(UnitRegistered.TYPE, Topics.IDENTITY, UnitRegistered.class),
			new Entry(AccountProvisioned.TYPE, Topics.IDENTITY, AccountProvisioned.class),
			new Entry(UnitChanged.TYPE, Topics.IDENTITY, UnitChanged.class),
			new Entry(AuditRecorded.TYPE, Topics.IDENTITY, AuditRecorded.class),
			new Entry(PeriodOpened.TYPE, Topics.REPORT, PeriodOpened.class),
			new Entry(ReportDraftSaved.TYPE, Topics.REPORT, ReportDraftSaved.class),
			new Entry(ReportEvaluated.TYPE, Topics.REPORT, ReportEvaluated.class),
			new Entry(TemplateVersionPublished.TYPE, Topics.REPORT, TemplateVersionPublished.class),
			new Entry(WorkflowAction.SUBMIT.eventType(), Topics.WORKFLOW, ReportTransitioned.class),
			new Entry(WorkflowAction.RECALL.eventType(), Topics.WORKFLOW, ReportTransitioned.class),
			new Entry(WorkflowAction.APPROVE.eventType(), Topics.WORKFLOW, ReportTransitioned.class),
			new Entry(WorkflowAction.RETURN.eventType(), Topics.WORKFLOW, ReportTransitioned.class),
			new Entry(ReportDeadlineExtended.TYPE, Topics.WORKFLOW, ReportDeadlineExtended.class),
			new Entry(ReminderIssued.TYPE, Topics.WORKFLOW, ReminderIssued.class),
			new Entry(AttachmentAdded.TYPE, Topics.FILE, AttachmentAdded.class),
			new Entry(AttachmentRemoved.TYPE, Topics.FILE, AttachmentRemoved.class));

	private EventCatalog() {
	}

	/**
	 * All event types.
	 * @return the entries
	 */
	public static List<Entry> entries() {
		return ENTRIES;
	}

	/**
	 * One event type.
	 *
	 * @param type the CloudEvents type
	 * @param topic the topic it is published on
	 * @param payload the record its JSON body is made from
	 */
	public record Entry(String type, String topic, Class<? extends Nq57Event> payload) {

		/**
		 * The classpath location of the type's JSON Schema.
		 * @return the resource path
		 */
		public String schemaResource() {
			return "/schemas/" + this.type + ".json";
		}

	}

}
