package vn.nq57.report.template;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads template versions. A published version never changes, so each is read from
 * PostgreSQL once per process and kept.
 */
@Repository
public class TemplateRepository {

	private static final TypeReference<List<String>> STRING_LIST = new TypeReference<>() {
	};

	private static final TypeReference<List<ConditionalRule>> RULES = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper jsonMapper;

	private final Map<String, TemplateVersion> versions = new ConcurrentHashMap<>();

	TemplateRepository(JdbcClient jdbc, JsonMapper jsonMapper) {
		this.jdbc = jdbc;
		this.jsonMapper = jsonMapper;
	}

	/**
	 * The current version of a template.
	 * @param code the template code
	 * @return the version, or empty if there is no such template
	 */
	public Optional<TemplateVersion> findCurrent(String code) {
		return this.jdbc.sql("select current_version from template where code = :code")
			.param("code", code)
			.query(Integer.class)
			.optional()
			.flatMap((version) -> find(code, version));
	}

	/**
	 * A given version of a template.
	 * @param code the template code
	 * @param version the version number
	 * @return the version, or empty if it does not exist
	 */
	public Optional<TemplateVersion> find(String code, int version) {
		String key = code + "@" + version;
		TemplateVersion cached = this.versions.get(key);
		if (cached != null) {
			return Optional.of(cached);
		}
		Optional<TemplateVersion> loaded = load(code, version);
		loaded.ifPresent((found) -> this.versions.put(key, found));
		return loaded;
	}

	/**
	 * The version a report was opened with; it always exists (foreign key).
	 * @param code the template code
	 * @param version the version number
	 * @return the version
	 */
	public TemplateVersion get(String code, int version) {
		return find(code, version)
			.orElseThrow(() -> new IllegalStateException("Template version " + code + "@" + version + " is missing"));
	}

	private Optional<TemplateVersion> load(String code, int version) {
		Optional<Map<String, Object>> header = this.jdbc.sql("""
				select t.name, t.period_kind, t.unit_level, v.open_offset_days, v.close_offset_days,
				       v.reminders::text as reminders, v.rules::text as rules
				from template t
				join template_version v on v.template_code = t.code
				where t.code = :code and v.version = :version
				""").param("code", code).param("version", version).query().listOfRows().stream().findFirst();
		if (header.isEmpty()) {
			return Optional.empty();
		}
		Map<String, Object> row = header.get();
		List<TemplateColumn> columns = this.jdbc.sql("""
				select letter, position, label, kind, options::text as options, required, filled_by, help,
				       max_length, personal_data
				from template_column where template_code = :code and version = :version order by position
				""")
			.param("code", code)
			.param("version", version)
			.query((rs, rowNum) -> new TemplateColumn(rs.getString("letter"), rs.getInt("position"),
					rs.getString("label"), ColumnKind.valueOf(rs.getString("kind")),
					this.jsonMapper.readValue(rs.getString("options"), STRING_LIST), rs.getBoolean("required"),
					FilledBy.valueOf(rs.getString("filled_by")), rs.getString("help"), rs.getInt("max_length"),
					rs.getBoolean("personal_data")))
			.list();
		List<Duration> reminders = this.jsonMapper.readValue((String) row.get("reminders"), STRING_LIST)
			.stream()
			.map(Duration::parse)
			.toList();
		List<ConditionalRule> rules = this.jsonMapper.readValue((String) row.get("rules"), RULES);
		TemplateVersion.Schedule schedule = new TemplateVersion.Schedule(
				((Number) row.get("open_offset_days")).intValue(), ((Number) row.get("close_offset_days")).intValue());
		return Optional.of(new TemplateVersion(code, (String) row.get("name"), version, (String) row.get("period_kind"),
				(String) row.get("unit_level"), schedule, reminders, columns, rules));
	}

}
