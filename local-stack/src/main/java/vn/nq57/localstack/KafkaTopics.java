package vn.nq57.localstack;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Creates the NQ57 topics on the local broker before any service publishes, so that the
 * first events do not wait for auto-creation. Runs in a JVM of its own on the broker's
 * classpath (the launcher keeps the Kafka jars off its own):
 * {@code java -cp kafka-lib/*:local-stack.jar vn.nq57.localstack.KafkaTopics host:port topic...}.
 */
final class KafkaTopics {

	/**
	 * The topics of {@code vn.nq57.contracts.Topics}; LocalStackInfrastructureTests
	 * checks they agree.
	 */
	static final List<String> TOPICS = List.of("nq57.identity.events", "nq57.report.events", "nq57.workflow.events",
			"nq57.file.events");

	/**
	 * Partitions per topic: records are keyed by report or unit, so order holds per key.
	 */
	static final int PARTITIONS = 3;

	private KafkaTopics() {
	}

	public static void main(String[] args) throws Exception {
		Properties properties = new Properties();
		properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
		try (Admin admin = Admin.create(properties)) {
			Set<String> existing = admin.listTopics().names().get(60, TimeUnit.SECONDS);
			List<NewTopic> missing = new ArrayList<>();
			for (int i = 1; i < args.length; i++) {
				if (!existing.contains(args[i])) {
					missing.add(new NewTopic(args[i], PARTITIONS, (short) 1));
				}
			}
			if (!missing.isEmpty()) {
				admin.createTopics(missing).all().get(60, TimeUnit.SECONDS);
			}
		}
	}

}
