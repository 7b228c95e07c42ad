package vn.nq57.testsupport;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Registered for every Spring Boot test in a module that depends on test-support: puts
 * the shared infrastructure's addresses ahead of the application's own configuration. Set
 * {@code nq57.test.shared-infrastructure=false} to opt out.
 */
public class SharedInfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		ConfigurableEnvironment environment = context.getEnvironment();
		if (!environment.getProperty("nq57.test.shared-infrastructure", Boolean.class, true)) {
			return;
		}
		if (!environment.getPropertySources().contains(SharedInfrastructurePropertySource.NAME)) {
			environment.getPropertySources().addFirst(new SharedInfrastructurePropertySource(environment));
		}
	}

}
