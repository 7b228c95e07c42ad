package vn.nq57.load;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Checks a ledger (what the load test was told succeeded) against report-service's and
 * workflow-service's tables and against Kafka: every success answer must be there exactly
 * once. Prints and appends {@code key=value} figures.
 * <p>
 * Usage: {@code LedgerCheck <label> <ledger.csv> <postgres host:port> <kafka bootstrap>
 * <figures file>}.
 */
public final class LedgerCheck {

	/** Ledger action to the CloudEvent type that must follow it, once. */
	private static final Map<String, String> EVENT_TYPES = Map.of("SUBMIT", "vn.nq57.workflow.report-submitted.v1",
			"APPROVE", "vn.nq57.workflow.report-approved.v1", "EVALUATE", "vn.nq57.report.evaluated.v1");

	private LedgerCheck() {
	}

	public static void main(String[] args) throws Exception {
		String label = args[0];
		Path ledgerFile = Path.of(args[1]);
		String postgres = args[2];
		String kafka = args[3];
		Path figures = Path.of(args[4]);
		Map<String, List<String>> ledger = new LinkedHashMap<>();
		List<String> lines = Files.exists(ledgerFile) ? Files.readAllLines(ledgerFile, StandardCharsets.UTF_8)
				: List.of();
		for (String line : lines) {
			String[] cells = line.split(",");
			if (cells.length >= 3) {
				ledger.computeIfAbsent(cells[2], (action) -> new ArrayList<>()).add(cells[0]);
			}
		}
		Set<String> reports = new HashSet<>();
		ledger.values().forEach(reports::addAll);

		Map<String, Integer> workflowCounts = counts(postgres, "workflow",
				"select report_id::text, action, count(*) from report_transition where status = 'COMPLETED' "
						+ "group by 1, 2");
		Map<String, Integer> reportCounts = counts(postgres, "report",
				"select report_id::text, action, count(*) from applied_transition group by 1, 2");
		Map<String, Integer> evaluated = counts(postgres, "report",
				"select id::text, 'EVALUATE', 1 from report where column_values->>'R' is not null");

		List<String> out = new ArrayList<>();
		Map<String, Map<String, Set<String>>> events = Map.of();
		Map<String, Integer> deliveries = Map.of();
		long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
		int missingInKafka;
		do {
			KafkaRead read = readKafka(kafka, reports);
			events = read.eventIds;
			deliveries = read.deliveries;
			missingInKafka = 0;
			for (Map.Entry<String, List<String>> entry : ledger.entrySet()) {
				for (String report : entry.getValue()) {
					if (events.getOrDefault(report, Map.of())
						.getOrDefault(EVENT_TYPES.get(entry.getKey()), Set.of())
						.isEmpty()) {
						missingInKafka++;
					}
				}
			}
			if (missingInKafka > 0) {
				Thread.sleep(5000);
			}
		}
		while (missingInKafka > 0 && System.nanoTime() < deadline);

		for (String action : List.of("SUBMIT", "APPROVE", "EVALUATE")) {
			List<String> answered = ledger.getOrDefault(action, List.of());
			int duplicatesInLedger = answered.size() - new HashSet<>(answered).size();
			int lostDb = 0;
			int duplicatedDb = 0;
			int lostKafka = 0;
			int duplicatedKafka = 0;
			int redelivered = 0;
			for (String report : answered) {
				int inWorkflow = "EVALUATE".equals(action) ? evaluated.getOrDefault(report + " EVALUATE", 0)
						: workflowCounts.getOrDefault(report + " " + action, 0);
				int inReport = "EVALUATE".equals(action) ? inWorkflow
						: reportCounts.getOrDefault(report + " " + action, 0);
				if (inWorkflow == 0 || inReport == 0) {
					lostDb++;
				}
				if (inWorkflow > 1 || inReport > 1) {
					duplicatedDb++;
				}
				Set<String> ids = events.getOrDefault(report, Map.of()).getOrDefault(EVENT_TYPES.get(action), Set.of());
				if (ids.isEmpty()) {
					lostKafka++;
				}
				if (ids.size() > 1) {
					duplicatedKafka++;
				}
				int copies = deliveries.getOrDefault(report + " " + EVENT_TYPES.get(action), 0);
				if (copies > ids.size()) {
					redelivered++;
				}
			}
			String prefix = "ledger." + label + "." + action.toLowerCase(Locale.ROOT);
			out.add(prefix + ".answered=" + answered.size());
			out.add(prefix + ".duplicateAnswers=" + duplicatesInLedger);
			out.add(prefix + ".lostInDatabase=" + lostDb);
			out.add(prefix + ".duplicatedInDatabase=" + duplicatedDb);
			out.add(prefix + ".lostInKafka=" + lostKafka);
			out.add(prefix + ".duplicatedInKafka=" + duplicatedKafka);
			out.add(prefix + ".redeliveredInKafka=" + redelivered);
		}
		long eventsOfReports = 0;
		for (Map<String, Set<String>> byType : events.values()) {
			eventsOfReports += byType.values().stream().mapToInt(Set::size).sum();
		}
		out.add("ledger." + label + ".eventsOfTheseReports=" + eventsOfReports);
		out.forEach(System.out::println);
		Files.write(figures, out, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
	}

	private static Map<String, Integer> counts(String postgres, String database, String sql) throws Exception {
		Map<String, Integer> counts = new HashMap<>();
		try (Connection connection = DriverManager.getConnection("jdbc:postgresql://" + postgres + "/" + database,
				"nq57", "nq57-local");
				PreparedStatement statement = connection.prepareStatement(sql);
				ResultSet rows = statement.executeQuery()) {
			while (rows.next()) {
				counts.put(rows.getString(1) + " " + rows.getString(2), rows.getInt(3));
			}
		}
		return counts;
	}

	private record KafkaRead(Map<String, Map<String, Set<String>>> eventIds, Map<String, Integer> deliveries) {
	}

	/**
	 * Every event of the given reports on the report and workflow topics, by report and
	 * type.
	 */
	private static KafkaRead readKafka(String bootstrap, Collection<String> reports) {
		Set<String> wanted = new HashSet<>(reports);
		Map<String, Map<String, Set<String>>> ids = new HashMap<>();
		Map<String, Integer> deliveries = new HashMap<>();
		Properties properties = new Properties();
		properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
		properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
		properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
				new StringDeserializer())) {
			List<TopicPartition> partitions = new ArrayList<>();
			for (String topic : List.of("nq57.workflow.events", "nq57.report.events", "nq57.file.events")) {
				consumer.partitionsFor(topic, Duration.ofSeconds(30))
					.forEach((info) -> partitions.add(new TopicPartition(topic, info.partition())));
			}
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
			while (partitions.stream().anyMatch((partition) -> consumer.position(partition) < end.get(partition))) {
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofSeconds(2))) {
					String subject = header(record, "ce_subject");
					String report = (subject != null) ? subject : record.key();
					if (report == null || !wanted.contains(report)) {
						continue;
					}
					String type = header(record, "ce_type");
					ids.computeIfAbsent(report, (key) -> new HashMap<>())
						.computeIfAbsent(type, (key) -> new HashSet<>())
						.add(header(record, "ce_id"));
					deliveries.merge(report + " " + type, 1, Integer::sum);
				}
			}
		}
		return new KafkaRead(ids, deliveries);
	}

	private static String header(ConsumerRecord<String, String> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

}
