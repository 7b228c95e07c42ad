package vn.nq57.common.web;

import java.time.Clock;
import java.time.ZoneId;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

import io.micrometer.tracing.Tracer;

/**
 * Problem details for every error, and the clock periods and deadlines are computed with.
 */
@AutoConfiguration
public class CommonWebAutoConfiguration {

	/** Periods, open and close dates are always reckoned in Vietnam's time zone. */
	public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.system(VIETNAM);
	}

	@Bean
	@ConditionalOnMissingBean
	ProblemWriter problemWriter(JsonMapper jsonMapper, ObjectProvider<Tracer> tracer) {
		return new ProblemWriter(jsonMapper, tracer);
	}

	@Bean
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnMissingBean
	ProblemDetailsAdvice problemDetailsAdvice(ProblemWriter problemWriter) {
		return new ProblemDetailsAdvice(problemWriter);
	}

}
