package vn.nq57.testsupport;

import org.jspecify.annotations.Nullable;

import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.Environment;

/**
 * Points a Spring context at the shared infrastructure. A part starts only when a
 * property that needs it is read, so a module that never touches S3 never starts it.
 */
final class SharedInfrastructurePropertySource extends EnumerablePropertySource<Object> {

	static final String NAME = "nq57SharedInfrastructure";

	private static final String[] NAMES = { "spring.datasource.url", "spring.datasource.username",
			"spring.datasource.password", "spring.kafka.bootstrap-servers", "nq57.s3.endpoint", "nq57.s3.access-key",
			"nq57.s3.secret-key", "nq57.s3.region", "spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
			"spring.security.oauth2.resourceserver.jwt.issuer-uri", "spring.kafka.consumer.auto-offset-reset" };

	private final Environment environment;

	SharedInfrastructurePropertySource(Environment environment) {
		super(NAME, new Object());
		this.environment = environment;
	}

	@Override
	public String[] getPropertyNames() {
		return NAMES.clone();
	}

	@Override
	public @Nullable Object getProperty(String name) {
		return switch (name) {
			case "spring.datasource.url" -> SharedInfrastructure.jdbcUrl(databaseName());
			case "spring.datasource.username" -> "postgres";
			case "spring.datasource.password" -> "";
			case "spring.kafka.bootstrap-servers" -> SharedInfrastructure.kafkaBootstrapServers();
			case "spring.kafka.consumer.auto-offset-reset" -> "earliest";
			case "nq57.s3.endpoint" -> SharedInfrastructure.s3Endpoint();
			case "nq57.s3.access-key" -> SharedInfrastructure.S3_ACCESS_KEY;
			case "nq57.s3.secret-key" -> SharedInfrastructure.S3_SECRET_KEY;
			case "nq57.s3.region" -> "us-east-1";
			case "spring.security.oauth2.resourceserver.jwt.jwk-set-uri" -> TestTokens.jwkSetUri();
			case "spring.security.oauth2.resourceserver.jwt.issuer-uri" -> TestTokens.ISSUER;
			default -> null;
		};
	}

	private String databaseName() {
		String explicit = this.environment.getProperty("nq57.test.database");
		String name = (explicit != null) ? explicit : this.environment.getProperty("spring.application.name", "test");
		return name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
	}

}
