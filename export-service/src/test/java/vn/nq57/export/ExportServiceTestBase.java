package vn.nq57.export;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The one Spring context of export-service's tests: the real service on the shared
 * PostgreSQL of test-support, with {@link ReportServiceStub} in place of report-service.
 * A page size of 2 makes every period export page.
 */
@SpringBootTest(properties = { "nq57.exports.page-size=2", "nq57.exports.max-rows=5" })
@AutoConfigureMockMvc
public abstract class ExportServiceTestBase {

	protected static final ReportServiceStub reportService = ReportServiceStub.start();

	@DynamicPropertySource
	static void reportServiceAddress(DynamicPropertyRegistry registry) {
		registry.add("nq57.report-service.base-url", reportService::baseUrl);
	}

}
