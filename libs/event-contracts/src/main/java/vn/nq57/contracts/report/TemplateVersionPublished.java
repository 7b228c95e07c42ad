package vn.nq57.contracts.report;

import java.time.Instant;
import java.util.List;

import vn.nq57.contracts.Nq57Event;

/**
 * The centre published a template version (a new template's first version or a new
 * version of an existing one); periods opened from now on use it. Key: template code.
 *
 * @param templateCode the template, for example {@code BC_NGAY_XA}
 * @param version the version published
 * @param periodKind {@code DAY}, {@code WEEK} or {@code MONTH}
 * @param columns the columns in form order
 * @param occurredAt when the version was published
 */
public record TemplateVersionPublished(String templateCode, int version, String periodKind, List<Column> columns,
		Instant occurredAt) implements Nq57Event {

	/** The CloudEvents type of this event. */
	public static final String TYPE = "vn.nq57.report.template-version-published.v1";

	public TemplateVersionPublished {
		columns = List.copyOf(columns);
	}

	@Override
	public String type() {
		return TYPE;
	}

	@Override
	public String subject() {
		return this.templateCode;
	}

	/**
	 * One column of the version.
	 *
	 * @param letter the column letter, for example {@code D}
	 * @param label the Vietnamese header
	 * @param kind {@code CHOICE}, {@code TEXT}, {@code LINK}, {@code NUMBER} or
	 * {@code DATE}
	 * @param options the options of a choice column, empty otherwise
	 * @param required whether submit and approve need a value
	 * @param filledBy {@code UNIT} or {@code PROVINCE}
	 */
	public record Column(String letter, String label, String kind, List<String> options, boolean required,
			String filledBy) {

		public Column {
			options = List.copyOf(options);
		}

	}

}
