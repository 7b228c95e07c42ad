package vn.nq57.report;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The clock of the test context: it runs from {@link ReportServiceTestBase#TEST_NOW}, so
 * periods are computed for the manual's example day while time still moves forward.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestClockConfiguration {

	@Bean
	@Primary
	Clock testClock() {
		Duration offset = Duration.between(Instant.now(), ReportServiceTestBase.TEST_NOW.toInstant());
		return Clock.offset(Clock.system(ReportServiceTestBase.VIETNAM), offset);
	}

}
