package vn.nq57.report.template;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import vn.nq57.common.security.CurrentUser;
import vn.nq57.common.web.ApiException;
import vn.nq57.report.ReportError;
import vn.nq57.report.template.TemplateRequests.NewTemplate;
import vn.nq57.report.template.TemplateRequests.NewVersion;

/**
 * Templates: any signed-in account may read them (they are not secret); only the centre's
 * administrator creates templates and publishes versions.
 */
@RestController
class TemplateController {

	private final TemplateRepository templates;

	private final TemplateAdminService admin;

	private final JdbcClient jdbc;

	TemplateController(TemplateRepository templates, TemplateAdminService admin, JdbcClient jdbc) {
		this.templates = templates;
		this.admin = admin;
		this.jdbc = jdbc;
	}

	/**
	 * Every template with its current version number.
	 * @return the templates by code
	 */
	@GetMapping("/api/templates")
	List<TemplateSummary> list() {
		return this.jdbc.sql("""
				select code, name, period_kind, unit_level, current_version, active from template order by code
				""")
			.query((rs, rowNum) -> new TemplateSummary(rs.getString("code"), rs.getString("name"),
					rs.getString("period_kind"), rs.getString("unit_level"), rs.getInt("current_version"),
					rs.getBoolean("active")))
			.list();
	}

	@GetMapping("/api/templates/{code}")
	TemplateView template(@PathVariable String code) {
		TemplateVersion template = this.templates.findCurrent(code)
			.orElseThrow(() -> new ApiException(ReportError.TEMPLATE_NOT_FOUND, code));
		return TemplateView.of(template);
	}

	@GetMapping("/api/templates/{code}/versions/{version}")
	TemplateView version(@PathVariable String code, @PathVariable int version) {
		TemplateVersion template = this.templates.find(code, version)
			.orElseThrow(() -> new ApiException(ReportError.TEMPLATE_NOT_FOUND, code + " phiên bản " + version));
		return TemplateView.of(template);
	}

	@PostMapping("/api/templates")
	@ResponseStatus(HttpStatus.CREATED)
	TemplateView create(CurrentUser user, @RequestBody NewTemplate request) {
		return this.admin.create(user, request);
	}

	@PostMapping("/api/templates/{code}/versions")
	@ResponseStatus(HttpStatus.CREATED)
	TemplateView publish(CurrentUser user, @PathVariable String code, @RequestBody NewVersion request) {
		return this.admin.publish(user, code, request);
	}

	/**
	 * A template in the list.
	 *
	 * @param code the code
	 * @param name the Vietnamese name
	 * @param periodKind DAY, WEEK or MONTH
	 * @param unitLevel COMMUNE or PROVINCE
	 * @param currentVersion the version new periods open with
	 * @param active whether periods are opened for it
	 */
	record TemplateSummary(String code, String name, String periodKind, String unitLevel, int currentVersion,
			boolean active) {
	}

}
