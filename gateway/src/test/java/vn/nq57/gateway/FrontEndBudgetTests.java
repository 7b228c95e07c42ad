package vn.nq57.gateway;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Guards the promises of the web front end that no browser test would notice at once: it
 * stays small for weak connections, loads nothing from another host, and has no inline
 * script or style the security policy would block.
 */
class FrontEndBudgetTests {

	private static final Path STATIC = Paths.get("src/main/resources/static");

	/**
	 * Modules only administrators load (by dynamic import from app.js), with their own
	 * budget: no commune's browser ever fetches them.
	 */
	private static final List<Path> ADMINISTRATORS_ONLY = List.of(STATIC.resolve("js/admin.js"));

	@Test
	void frontEndWhenMeasuredThenStaysUnder150Kilobytes() throws IOException {
		long total;
		try (Stream<Path> files = Files.walk(STATIC)) {
			total = files.filter(Files::isRegularFile)
				.filter((file) -> !ADMINISTRATORS_ONLY.contains(file))
				.mapToLong(FrontEndBudgetTests::size)
				.sum();
		}

		assertThat(total).isLessThan(150 * 1024);
	}

	@Test
	void administratorsModulesWhenMeasuredThenStayUnder30KilobytesAndAreOnlyLoadedOnDemand() throws IOException {
		long total = ADMINISTRATORS_ONLY.stream().mapToLong(FrontEndBudgetTests::size).sum();
		String app = Files.readString(STATIC.resolve("js/app.js"), StandardCharsets.UTF_8);

		assertThat(total).isLessThan(30 * 1024);
		assertThat(app).contains("import('./admin.js')").doesNotContain("from './admin.js'");
		for (Path file : files()) {
			if (file.toString().endsWith(".js") && !ADMINISTRATORS_ONLY.contains(file)) {
				assertThat(Files.readString(file, StandardCharsets.UTF_8)).as(file.toString())
					.doesNotContain("from './admin.js'");
			}
		}
	}

	@Test
	void frontEndWhenScannedThenLoadsNothingFromOtherHostsAndHasNoInlineCode() throws IOException {
		Pattern external = Pattern.compile("(src|href)=\"(https?:)?//");
		Pattern inlineScript = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>");
		for (Path file : files()) {
			String text = Files.readString(file, StandardCharsets.UTF_8);

			assertThat(external.matcher(text).find()).as("external reference in %s", file).isFalse();
			if (file.toString().endsWith(".html")) {
				assertThat(inlineScript.matcher(text).find()).as("inline script in %s", file).isFalse();
				assertThat(text).as("inline style or handler in %s", file)
					.doesNotContain(" style=")
					.doesNotContain(" onclick=");
			}
		}
	}

	private static List<Path> files() throws IOException {
		try (Stream<Path> files = Files.walk(STATIC)) {
			return files.filter(Files::isRegularFile).toList();
		}
	}

	private static long size(Path file) {
		try {
			return Files.size(file);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
