package vn.nq57.localstack;

import java.nio.file.Path;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The seven services of design.md with their local port, context path and database.
 */
enum NqService {

	IDENTITY("identity-service", 8081, "/auth", "identity"),

	REPORT("report-service", 8082, "", "report"),

	WORKFLOW("workflow-service", 8083, "", "workflow"),

	FILE("file-service", 8084, "", "file"),

	EXPORT("export-service", 8085, "", "export"),

	DASHBOARD("dashboard-service", 8086, "", "dashboard"),

	GATEWAY("gateway", 8080, "", "gateway");

	/** The services started after identity-service, in parallel. */
	static final List<NqService> AFTER_IDENTITY = List.of(REPORT, WORKFLOW, FILE, EXPORT, DASHBOARD, GATEWAY);

	/** Every database the stack creates, one per service. */
	static final List<String> DATABASES = List.of("identity", "report", "workflow", "file", "export", "dashboard",
			"gateway");

	private final String module;

	private final int documentedPort;

	private final String contextPath;

	private final String database;

	NqService(String module, int documentedPort, String contextPath, String database) {
		this.module = module;
		this.documentedPort = documentedPort;
		this.contextPath = contextPath;
		this.database = database;
	}

	String module() {
		return this.module;
	}

	int documentedPort() {
		return this.documentedPort;
	}

	String database() {
		return this.database;
	}

	/**
	 * Whether the service is a resource server that checks the identity's tokens itself.
	 */
	boolean isResourceServer() {
		return this != IDENTITY && this != GATEWAY;
	}

	int port(StackConfig config) {
		return config.port(this.documentedPort);
	}

	String baseUrl(StackConfig config) {
		return "http://localhost:" + port(config) + this.contextPath;
	}

	String readinessUrl(StackConfig config) {
		return baseUrl(config) + "/actuator/health/readiness";
	}

	Path jar(StackConfig config, String version) {
		return config.repositoryRoot()
			.resolve(this.module)
			.resolve("target")
			.resolve(this.module + "-" + version + "-exec.jar");
	}

	static @Nullable NqService byModule(String module) {
		for (NqService service : values()) {
			if (service.module.equals(module)) {
				return service;
			}
		}
		return null;
	}

}
