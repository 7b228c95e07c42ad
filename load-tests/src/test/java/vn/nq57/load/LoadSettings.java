package vn.nq57.load;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * What one run measures, from system properties that {@code ./load-tests/run} sets.
 */
final class LoadSettings {

	static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	/** Every account of the local stack has it ({@code nq57.identity.demo.enabled}). */
	static final String DEMO_PASSWORD = "nq57-demo-2025";

	private LoadSettings() {
	}

	static String gatewayUrl() {
		return System.getProperty("load.gatewayUrl", "http://localhost:8080");
	}

	static String identityUrl() {
		return System.getProperty("load.identityUrl", "http://localhost:8081");
	}

	static String reportUrl() {
		return System.getProperty("load.reportUrl", "http://localhost:8082");
	}

	static Path unitsCsv() {
		return Path.of(System.getProperty("load.unitsCsv",
				"../identity-service/src/main/resources/units/don-vi-hanh-chinh-2025.csv"));
	}

	/** Reports (communes) per second injected. */
	static double rate() {
		return Double.parseDouble(System.getProperty("load.rate", "1"));
	}

	/** How many communes take part; 0 or absent: all of them. */
	static int communes() {
		return Integer.getInteger("load.communes", 0);
	}

	/**
	 * The period whose report each commune fills: 0 today's, 1 tomorrow's (open a day
	 * ahead).
	 */
	static LocalDate closeDate() {
		return LocalDate.now(VIETNAM).plusDays(Integer.getInteger("load.day", 0));
	}

	/**
	 * Hard stop of a run, in seconds, so an overloaded system cannot make it last for
	 * ever.
	 */
	static int maxDurationSeconds() {
		return Integer.getInteger("load.maxDuration", 600);
	}

	static Path ledger() {
		return Path.of(System.getProperty("load.ledger", "target/load/ledger.csv"));
	}

	static String label() {
		return System.getProperty("load.label", "run");
	}

	/** Virtual users per second of the gateway-overhead scenario. */
	static double overheadRate() {
		return Double.parseDouble(System.getProperty("load.overhead.rate", "4"));
	}

	static int overheadSeconds() {
		return Integer.getInteger("load.overhead.duration", 60);
	}

	/** Communes signed in beforehand for the gateway-overhead scenario. */
	static int overheadPool() {
		return Integer.getInteger("load.overhead.pool", 12);
	}

}
