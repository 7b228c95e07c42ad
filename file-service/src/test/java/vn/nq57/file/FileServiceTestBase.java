package vn.nq57.file;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The one Spring context of file-service's tests: the real service on the shared
 * PostgreSQL, Kafka and S3 of test-support, with {@link ReportServiceStub} in place of
 * report-service, reachable both through MockMvc and over HTTP on a random port (the
 * container's own multipart parsing). Limits are lowered so the tests stay small.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "nq57.files.max-file-size=256KB", "nq57.files.max-files-per-report=3",
				"nq57.files.unit-quota=700KB", "nq57.files.orphan-cleaner.enabled=false",
				"nq57.s3.bucket=nq57-evidence-test", "spring.servlet.multipart.max-file-size=300KB",
				"spring.servlet.multipart.max-request-size=400KB" })
@AutoConfigureMockMvc
public abstract class FileServiceTestBase {

	protected static final ReportServiceStub reportService = ReportServiceStub.start();

	@DynamicPropertySource
	static void reportServiceAddress(DynamicPropertyRegistry registry) {
		registry.add("nq57.report-service.base-url", reportService::baseUrl);
	}

}
