package vn.nq57.workflow.report;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where report-service answers.
 *
 * @param baseUrl the base URL of report-service; default {@code http://localhost:8082}
 */
@ConfigurationProperties("nq57.report-service")
record ReportServiceProperties(String baseUrl) {

	ReportServiceProperties {
		baseUrl = (baseUrl != null && !baseUrl.isBlank()) ? baseUrl : "http://localhost:8082";
	}

}
