package vn.nq57.report.template;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import vn.nq57.common.web.ApiException;
import vn.nq57.report.ReportError;

/**
 * {@code GET /api/templates/{code}}: the current version of a template with its columns.
 * Templates are not secret; any signed-in account may read them.
 */
@RestController
class TemplateController {

	private final TemplateRepository templates;

	TemplateController(TemplateRepository templates) {
		this.templates = templates;
	}

	@GetMapping("/api/templates/{code}")
	TemplateView template(@PathVariable String code) {
		TemplateVersion template = this.templates.findCurrent(code)
			.orElseThrow(() -> new ApiException(ReportError.TEMPLATE_NOT_FOUND, code));
		return TemplateView.of(template);
	}

}
