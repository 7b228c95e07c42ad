package vn.nq57.load;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * What the load test was told succeeded: one line per success answer of a state change
 * ({@code reportId,unit,action,at}), appended as it happens. {@link LedgerCheck} compares
 * it with the databases and Kafka afterwards.
 */
final class Ledger {

	private static BufferedWriter writer;

	private Ledger() {
	}

	static synchronized void open(Path file) {
		try {
			Files.createDirectories(file.toAbsolutePath().getParent());
			writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
					StandardOpenOption.TRUNCATE_EXISTING);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static synchronized void record(String reportId, String unit, String action) {
		try {
			writer.write(reportId + "," + unit + "," + action + "," + Instant.now() + "\n");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static synchronized void close() {
		try {
			if (writer != null) {
				writer.close();
				writer = null;
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
