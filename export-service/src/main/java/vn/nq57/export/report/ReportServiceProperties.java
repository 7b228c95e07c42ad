package vn.nq57.export.report;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How export-service reaches report-service.
 *
 * @param baseUrl report-service's base URL; default {@code http://localhost:8082}
 */
@ConfigurationProperties("nq57.report-service")
public record ReportServiceProperties(String baseUrl) {

	public ReportServiceProperties {
		baseUrl = (baseUrl != null) ? baseUrl : "http://localhost:8082";
	}

}
