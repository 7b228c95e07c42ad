package vn.nq57.e2e;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Without Chromium the browser tests fail and say how to install it; they never skip.
 */
class ChromiumTests {

	@Test
	void chromiumWhenMissingThenTheTestFailsSayingHowToInstallIt() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> Chromium.executable(null, "NQ57_CHROMIUM", "/nonexistent/chromium"))
			.withMessageContaining("/nonexistent/chromium is missing")
			.withMessageContaining(".ci/deps/browser.sh")
			.withMessageContaining("apt-get install chromium chromium-driver")
			.withMessageContaining("NQ57_CHROMIUM");
	}

	@Test
	void chromiumWhenConfiguredThenThatExecutableIsUsed() {
		assertThat(Chromium.executable("/bin/sh", "NQ57_CHROMIUM", "/nonexistent/chromium")).hasToString("/bin/sh");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> Chromium.executable("/nonexistent/other", "NQ57_CHROMEDRIVER", "/bin/sh"))
			.withMessageContaining("/nonexistent/other is missing");
	}

}
