package vn.nq57.e2e;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Debian Chromium driven through its chromedriver, with both paths given
 * explicitly (no Selenium Manager, nothing downloaded), a throw-away profile and download
 * folder, and screenshots kept in {@code target/screenshots}. When Chromium or its driver
 * is missing the test fails and says how to install them: it never skips.
 */
final class Chromium implements AutoCloseable {

	static final Path SCREENSHOTS = Path.of("target", "screenshots");

	/** Generous: the machine running the tests may be loaded. */
	private static final Duration WAIT = Duration.ofSeconds(120);

	private final ChromeDriver driver;

	private final Path profile;

	private final Path downloads;

	private final Set<String> requested = new LinkedHashSet<>();

	private Chromium(ChromeDriver driver, Path profile, Path downloads) {
		this.driver = driver;
		this.profile = profile;
		this.downloads = downloads;
	}

	static Chromium start(int width, int height) {
		Path binary = executable("NQ57_CHROMIUM", "/usr/bin/chromium");
		Path chromedriver = executable("NQ57_CHROMEDRIVER", "/usr/bin/chromedriver");
		try {
			Path profile = Files.createTempDirectory("nq57-chromium-");
			Path downloads = Files.createTempDirectory("nq57-downloads-");
			ChromeOptions options = new ChromeOptions();
			options.setBinary(binary.toFile());
			options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
					"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
					"--lang=vi-VN", "--user-data-dir=" + profile, "--window-size=" + width + "," + height);
			Map<String, Object> preferences = new HashMap<>();
			preferences.put("download.default_directory", downloads.toString());
			preferences.put("download.prompt_for_download", false);
			preferences.put("intl.accept_languages", "vi-VN,vi");
			options.setExperimentalOption("prefs", preferences);
			// Confirmation dialogs are part of what is tested: they are handled by the
			// test.
			options.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.IGNORE);
			ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile())
				.usingAnyFreePort()
				.build();
			ChromeDriver driver = new ChromeDriver(service, options);
			driver.manage().timeouts().pageLoadTimeout(WAIT).scriptTimeout(WAIT);
			Chromium chromium = new Chromium(driver, profile, downloads);
			chromium.resize(width, height);
			return chromium;
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot create Chromium's profile folder", ex);
		}
	}

	private static Path executable(String variable, String standard) {
		return executable(System.getenv(variable), variable, standard);
	}

	/**
	 * The executable to use: the configured one, else the standard Debian path.
	 * @throws AssertionError naming the missing file and how to install it
	 */
	static Path executable(String configured, String variable, String standard) {
		Path path = Path.of((configured != null && !configured.isBlank()) ? configured : standard);
		if (!Files.isExecutable(path)) {
			throw new AssertionError(path + " is missing: the browser tests need Debian's chromium and "
					+ "chromium-driver (sudo bash .ci/deps/browser.sh, or apt-get install chromium chromium-driver), "
					+ "or " + variable + " set to another executable.");
		}
		return path;
	}

	WebDriver driver() {
		return this.driver;
	}

	void open(String url) {
		this.driver.get(url);
		noteRequests();
	}

	WebElement find(String css) {
		return this.driver.findElement(By.cssSelector(css));
	}

	List<WebElement> findAll(String css) {
		return this.driver.findElements(By.cssSelector(css));
	}

	/** Waits until an element is visible and answers it. */
	WebElement visible(String css) {
		return until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
	}

	/** Waits until an element holds the text and answers it. */
	WebElement text(String css, String text) {
		until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
		return find(css);
	}

	/**
	 * Waits until the condition holds. An element the screen re-rendered between finding
	 * and reading it (stale) counts as "not yet", as a missing one does.
	 */
	<T> T until(Function<? super WebDriver, T> condition) {
		T result = new WebDriverWait(this.driver, WAIT).ignoring(StaleElementReferenceException.class).until(condition);
		noteRequests();
		return result;
	}

	@SuppressWarnings("unchecked")
	<T> T script(String script, Object... arguments) {
		return (T) ((JavascriptExecutor) this.driver).executeScript(script, arguments);
	}

	/** Types into a field after emptying it. */
	void type(String css, String text) {
		WebElement field = visible(css);
		field.clear();
		field.sendKeys(text);
	}

	/** Makes the page's viewport (not the window around it) width × height CSS pixels. */
	void resize(int width, int height) {
		this.driver.manage().window().setSize(new Dimension(width, height));
		List<Number> inner = script("return [window.innerWidth, window.innerHeight];");
		int extraWidth = width - inner.get(0).intValue();
		int extraHeight = height - inner.get(1).intValue();
		if (extraWidth != 0 || extraHeight != 0) {
			this.driver.manage().window().setSize(new Dimension(width + extraWidth, height + extraHeight));
		}
	}

	/** Cuts the network off (the page sees navigator.onLine false) or brings it back. */
	void offline(boolean offline) {
		if (offline) {
			ChromiumNetworkConditions conditions = new ChromiumNetworkConditions();
			conditions.setOffline(true);
			this.driver.setNetworkConditions(conditions);
		}
		else {
			this.driver.deleteNetworkConditions();
		}
	}

	/**
	 * Saves a PNG of the viewport as target/screenshots/{name}.png and answers its path.
	 */
	Path screenshot(String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			Path file = SCREENSHOTS.resolve(name + ".png");
			Files.write(file, ((TakesScreenshot) this.driver).getScreenshotAs(OutputType.BYTES));
			noteRequests();
			return file;
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot write screenshot " + name, ex);
		}
	}

	/**
	 * Every address the pages shown so far requested (page, scripts, styles, images, API
	 * calls), from the browser's own resource timing.
	 */
	Set<String> requested() {
		noteRequests();
		return this.requested;
	}

	private void noteRequests() {
		try {
			List<Object> names = script("return performance.getEntriesByType('navigation')"
					+ ".concat(performance.getEntriesByType('resource')).map((e) => e.name);");
			names.forEach((name) -> this.requested.add(String.valueOf(name)));
		}
		catch (RuntimeException ex) {
			// A dialog is open or the page is changing: the next call notes them.
		}
	}

	/** Waits for a finished download whose name ends so, and answers it. */
	Path downloaded(String suffix) {
		return new WebDriverWait(this.driver, WAIT).until((driver) -> {
			try (Stream<Path> files = Files.list(this.downloads)) {
				return files.filter((file) -> file.getFileName().toString().endsWith(suffix)).findFirst().orElse(null);
			}
			catch (IOException ex) {
				return null;
			}
		});
	}

	@Override
	public void close() throws IOException {
		try {
			this.driver.quit();
		}
		finally {
			deleteRecursively(this.profile);
			deleteRecursively(this.downloads);
		}
	}

	private static void deleteRecursively(Path directory) throws IOException {
		if (!Files.exists(directory)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(directory)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				File file = path.toFile();
				if (!file.delete() && file.exists()) {
					file.deleteOnExit();
				}
			}
		}
	}

}
