package vn.nq57.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

import vn.nq57.localstack.LocalStack;
import vn.nq57.localstack.StackConfig;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web front end in a real browser (headless Debian Chromium through Selenium), on the
 * same full local stack as {@link DailyReportFlowTests}: the daily road from entry to the
 * province's workbook, screen by screen, with screenshots in target/screenshots; the
 * sign-in pages (three ways in, hotline, first login, reset with a code, sign out); and
 * the first page's weight and hosts.
 *
 * <p>
 * The road uses Xã Long Thạnh's report of tomorrow (open a day ahead, as in the manual):
 * today's is the one {@link DailyReportFlowTests} walks through the API, and both run on
 * one stack in either order.
 */
@ExtendWith(SharedStack.class)
class BrowserFlowTests {

	private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private static final String PASSWORD = StackConfig.DEMO_PASSWORD;

	private static final int LAPTOP_WIDTH = 1366;

	private static final int LAPTOP_HEIGHT = 768;

	private static final int PHONE_WIDTH = 390;

	private static final int PHONE_HEIGHT = 844;

	private static final List<String> REQUIRED = List.of("B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M");

	private static LocalStack stack;

	private static String gateway;

	@BeforeAll
	static void useSharedStack() {
		stack = SharedStack.stack();
		gateway = SharedStack.gateway();
	}

	@Test
	void dailyRoadWhenDrivenInChromiumThenEveryScreenWorksFromEntryToWorkbook() throws Exception {
		String tomorrow = "Ngày " + LocalDate.now(VIETNAM).plusDays(1).format(DAY);
		String reportId;
		String periodId;
		try (Chromium chromium = Chromium.start(LAPTOP_WIDTH, LAPTOP_HEIGHT)) {
			signIn(chromium, "30943_01", PASSWORD, "01-dang-nhap");
			WebElement row = myWorkRow(chromium, tomorrow);
			reportId = row.getDomAttribute("data-report-id");
			periodId = row.getDomAttribute("data-period-id");
			assertThat(row.getText()).contains("Báo cáo hàng ngày cấp Xã", "Xã Long Thạnh", "Đang nhập liệu/tổng hợp");
			chromium.screenshot("02-cong-viec-cua-toi");
			chromium.find("#open-report-" + reportId).click();

			assertReportHeader(chromium, tomorrow, "Đang nhập liệu/tổng hợp");
			assertRequiredHeadersAreMarkedInRed(chromium);
			assertNoHorizontalScroll(chromium, "report screen at 1366×768");
			chromium.screenshot("03-bao-cao-moi");

			assertGridKeysMoveBetweenCells(chromium);
			fillUnitColumns(chromium, Map.of("O", "không phải đường dẫn"));
			chromium.find("#save-button").click();
			WebElement error = chromium.text("#error-O", "Cột O");
			assertThat(chromium.find("#cell-O").getDomAttribute("class")).contains("has-error");
			assertThat(chromium.find("#input-O").getDomAttribute("aria-invalid")).isEqualTo("true");
			assertThat(chromium.find("#form-alert").getText()).contains("Dữ liệu bạn nhập vẫn còn trên màn hình");
			assertThat(error.getText()).as("a Vietnamese message on the cell").containsPattern("[ảạđườẫ]");
			chromium.screenshot("04-loi-tren-o");

			chromium.type("#input-O", DailyEntry.unitValues().get("O"));
			assertThat(chromium.findAll("#error-O")).as("the message goes once the cell is changed").isEmpty();
			assertUnsavedInputIsGuarded(chromium, reportId);
			assertDraftTypedOfflineIsKeptAndRestored(chromium, reportId);

			chromium.find("#save-button").click();
			chromium.text("#save-status", "Đã lưu lúc");
			assertThat(drafts(chromium, reportId)).as("the kept draft is cleared once saved").isEmpty();
			DailyEntry.unitValues()
				.forEach((letter, value) -> assertThat(chromium.find("#input-" + letter).getDomProperty("value"))
					.as("column %s after saving", letter)
					.isEqualTo(value));
			Path saved = chromium.screenshot("07-bao-cao-da-luu");
			Files.createDirectories(Chromium.SCREENSHOTS);
			Files.copy(saved, Chromium.SCREENSHOTS.resolve("report-screen.png"),
					java.nio.file.StandardCopyOption.REPLACE_EXISTING);

			chromium.resize(PHONE_WIDTH, PHONE_HEIGHT);
			chromium.visible("#input-B");
			assertNoHorizontalScroll(chromium, "report screen at phone width");
			chromium.screenshot("07-bao-cao-dien-thoai");
			chromium.resize(LAPTOP_WIDTH, LAPTOP_HEIGHT);

			attachEvidence(chromium);
			takeAction(chromium, "SUBMIT", "Kính trình lãnh đạo xem xét", "SUBMITTED");
			chromium.text("#report-state", "Chờ lãnh đạo duyệt");
			chromium.text("#history-list", "Kính trình lãnh đạo xem xét");
			assertThat(chromium.findAll("#save-button")).as("read-only once submitted").isEmpty();
			chromium.screenshot("09-da-trinh");
			signOut(chromium, "10-da-dang-xuat");
			assertOnlyTheSystemsOwnHost(chromium);
		}

		try (Chromium chromium = Chromium.start(LAPTOP_WIDTH, LAPTOP_HEIGHT)) {
			signIn(chromium, "30943_02", PASSWORD, null);
			chromium.visible("#open-report-" + reportId).click();
			assertReportHeader(chromium, tomorrow, "Chờ lãnh đạo duyệt");
			chromium.screenshot("11-lanh-dao-mo-bao-cao");
			takeAction(chromium, "APPROVE", "Đồng ý, gửi Tỉnh", "APPROVED");
			chromium.text("#report-state", "Đã duyệt, gửi lên Tỉnh");
			chromium.text("#history-list", "Đồng ý, gửi Tỉnh");
			chromium.screenshot("12-da-duyet");
			assertOnlyTheSystemsOwnHost(chromium);
		}

		try (Chromium chromium = Chromium.start(LAPTOP_WIDTH, LAPTOP_HEIGHT)) {
			signIn(chromium, "tinh_91", PASSWORD, null);
			chromium.visible("#open-report-" + reportId);
			chromium.screenshot("13-tinh-cong-viec");
			chromium.open(gateway + "/#/ky/" + periodId);
			chromium.visible("#period-grid");
			chromium.find("#state-counts button[data-state='APPROVED']").click();
			chromium.until(ExpectedConditions
				.attributeContains(By.cssSelector("#state-counts button[data-state='APPROVED']"), "class", "active"));
			String rowCss = "#period-grid tr[data-report-id='" + reportId + "']";
			chromium.visible(rowCss);
			assertThat(chromium.findAll("#period-grid tbody tr")).as("only approved reports")
				.allSatisfy((tr) -> assertThat(tr.getDomAttribute("data-state")).isEqualTo("APPROVED"));
			assertColumnFiltersNarrowTheGrid(chromium, rowCss);
			assertUnitColumnStaysFrozen(chromium);
			chromium.screenshot("14-luoi-cua-tinh");

			Map<String, String> evaluation = new LinkedHashMap<>();
			evaluation.put("P", "Nguyễn Thị Hoa");
			evaluation.put("Q", "Đã triển khai đầy đủ, đúng tiến độ.");
			evaluation.put("R", "Đạt yêu cầu");
			String prefix = "#input-" + reportId + "-";
			chromium.type(prefix + "P", evaluation.get("P"));
			chromium.find(prefix + "P").sendKeys(Keys.ENTER);
			assertThat(focusedId(chromium)).as("Enter in a one-row grid goes to the next cell")
				.isEqualTo("input-" + reportId + "-Q");
			chromium.find(prefix + "Q").sendKeys(evaluation.get("Q"));
			chromium.find(prefix + "Q").sendKeys(Keys.ARROW_RIGHT);
			assertThat(focusedId(chromium)).as("→ at the end of the text goes to the next cell")
				.isEqualTo("input-" + reportId + "-R");
			new Select(chromium.find(prefix + "R")).selectByVisibleText(evaluation.get("R"));
			chromium.find("#save-row-" + reportId).click();
			chromium.text("#toast", "Đã lưu đánh giá của Xã Long Thạnh");
			chromium.screenshot("15-tinh-danh-gia");

			chromium.resize(PHONE_WIDTH, PHONE_HEIGHT);
			chromium.visible(rowCss);
			assertNoHorizontalScroll(chromium, "province grid at phone width");
			chromium.screenshot("15-luoi-cua-tinh-dien-thoai");
			chromium.resize(LAPTOP_WIDTH, LAPTOP_HEIGHT);

			chromium.find(rowCss + " th.col-a a").click();
			assertReportHeader(chromium, tomorrow, "Đã duyệt, gửi lên Tỉnh");
			evaluation.forEach((letter, value) -> {
				WebElement control = chromium.find("#input-" + letter);
				assertThat(control.getDomProperty("value")).as("column %s after the province saved", letter)
					.isEqualTo(value);
			});
			chromium.text("#history-list", "Kính trình lãnh đạo xem xét");
			chromium.find("#download-excel").click();
			Path workbook = chromium.downloaded(".xlsx");
			assertWorkbookHolds(workbook, evaluation, tomorrow.substring("Ngày ".length()));
			chromium.screenshot("16-tai-xuong-excel");

			importRevisedEvaluation(chromium, workbook, "Đã triển khai; cần bổ sung minh chứng tháng sau.");
			assertOnlyTheSystemsOwnHost(chromium);
		}
	}

	@Test
	void signInPagesWhenUsedInChromiumThenOfferThreeWaysInTheHotlineFirstLoginAndResetWithACode() throws Exception {
		List<String> communes = communesOfProvince("91").stream().filter((code) -> !code.equals("30943")).toList();
		String resetUser = communes.get(0) + "_01";
		String firstLoginUser = communes.get(1) + "_01";

		try (Chromium chromium = Chromium.start(LAPTOP_WIDTH, LAPTOP_HEIGHT)) {
			chromium.open(gateway + "/");
			chromium.visible("#username");
			assertThat(new URI(chromium.driver().getCurrentUrl()).getPath()).isEqualTo("/auth/login");
			String page = chromium.find("main").getText();
			assertThat(page).contains("Đăng nhập bằng tài khoản hệ thống", "Tên đăng nhập", "Mật khẩu",
					"Đăng nhập bằng tài khoản xác thực tập trung", "Đăng nhập bằng tài khoản định danh điện tử (VNeID)",
					"Quên mật khẩu");
			assertThat(chromium.find("footer.hotline").getText()).contains("Hotline hỗ trợ", "1800 8000");
			assertThat(chromium.find("footer.hotline a").getDomAttribute("href")).isEqualTo("tel:18008000");
			assertThat(chromium.findAll("ul.federation a")).as("the two federated ways in").hasSize(2);
			chromium.screenshot("20-dang-nhap-ba-cach");
			chromium.resize(PHONE_WIDTH, PHONE_HEIGHT);
			assertNoHorizontalScroll(chromium, "login page at phone width");
			chromium.screenshot("20-dang-nhap-dien-thoai");
			chromium.resize(LAPTOP_WIDTH, LAPTOP_HEIGHT);

			chromium.type("#username", "30943_01");
			chromium.type("#password", "sai-mat-khau-2025");
			chromium.find("form button[type='submit']").click();
			chromium.text("#login-error", "Tên đăng nhập hoặc mật khẩu không đúng.");

			String code = resetCode(resetUser);
			chromium.driver().findElement(By.linkText("Quên mật khẩu")).click();
			chromium.visible("#code");
			assertThat(chromium.find("main").getText()).contains("Quên mật khẩu");
			assertThat(chromium.find("footer.hotline").getText()).contains("1800 8000");
			chromium.screenshot("21-quen-mat-khau");
			String newPassword = "Dat-lai-mat-khau-" + ThreadLocalRandom.current().nextInt(1000, 9999);
			chromium.type("#username", resetUser);
			chromium.type("#code", code);
			chromium.type("#newPassword", newPassword);
			chromium.type("#confirmPassword", newPassword);
			chromium.find("form button[type='submit']").click();
			chromium.text("main", "Mật khẩu đã được đặt lại");
			signInOnPage(chromium, resetUser, newPassword);
			chromium.text("#user-name", resetUser);
			signOut(chromium, null);

			requireFirstLogin(firstLoginUser);
			signInOnPage(chromium, firstLoginUser, PASSWORD);
			chromium.text("main", "Đổi mật khẩu");
			assertThat(chromium.find("footer.hotline").getText()).contains("1800 8000");
			chromium.screenshot("22-lan-dau-mat-khau");
			String ownPassword = "Mat-khau-rieng-" + ThreadLocalRandom.current().nextInt(1000, 9999);
			chromium.type("#newPassword", ownPassword);
			chromium.type("#confirmPassword", ownPassword);
			chromium.find("form button[type='submit']").click();
			chromium.visible("#fullName");
			chromium.screenshot("23-lan-dau-thong-tin");
			chromium.type("#fullName", "Trần Văn Bình");
			chromium.type("#position", "Công chức văn phòng");
			chromium.type("#phone", "0912345678");
			chromium.find("form button[type='submit']").click();
			chromium.visible("#cccd");
			chromium.screenshot("24-lan-dau-cccd");
			chromium.type("#cccd", "123");
			chromium.find("form button[type='submit']").click();
			chromium.visible("#problems");
			assertThat(chromium.find("#problems").getText()).contains("CCCD");
			chromium.type("#cccd", "001090" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000));
			chromium.find("form button[type='submit']").click();
			chromium.text("#user-name", firstLoginUser);
			chromium.visible("#my-work");
			chromium.screenshot("25-lan-dau-xong");
			signOut(chromium, null);
			assertOnlyTheSystemsOwnHost(chromium);
		}
	}

	@Test
	void firstPageWhenServedThenUnder300KilobytesCompressedAndNothingFromAnotherHost() throws Exception {
		HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
		HttpResponse<String> first = Browser.signIn(gateway, "trunguong", PASSWORD).get("/");
		assertThat(first.statusCode()).isEqualTo(200);
		String index = first.body();
		Set<String> assets = new LinkedHashSet<>();
		Deque<String> toRead = new ArrayDeque<>();
		Matcher linked = Pattern.compile("(?:src|href)=\"(/[^\"]+\\.(?:js|css))\"").matcher(index);
		while (linked.find()) {
			toRead.add(linked.group(1));
		}
		assertThat(toRead).as("the first page's script and styles").contains("/js/app.js", "/css/app.css");
		Pattern imports = Pattern.compile("(?:import|from)\\s*\\(?\\s*['\"]\\./([\\w-]+\\.js)['\"]");
		long compressed = 0;
		long raw = 0;
		while (!toRead.isEmpty()) {
			String asset = toRead.poll();
			if (!assets.add(asset)) {
				continue;
			}
			HttpResponse<byte[]> response = http.send(
					HttpRequest.newBuilder(URI.create(gateway + asset)).header("Accept-Encoding", "gzip").build(),
					HttpResponse.BodyHandlers.ofByteArray());
			assertThat(response.statusCode()).as(asset).isEqualTo(200);
			boolean gzipped = response.headers().firstValue("Content-Encoding").orElse("").equals("gzip");
			byte[] body = gzipped ? gunzip(response.body()) : response.body();
			compressed += gzipped ? response.body().length : gzip(body).length;
			raw += body.length;
			String text = new String(body, StandardCharsets.UTF_8);
			assertNoExternalReference(asset, text);
			if (asset.endsWith(".js")) {
				Matcher imported = imports.matcher(text);
				while (imported.find()) {
					toRead.add("/js/" + imported.group(1));
				}
			}
		}
		System.out.printf("First page: %d assets, %d bytes, %d bytes gzip-compressed%n", assets.size(), raw,
				compressed);
		assertThat(assets).as("every module the first page loads").contains("/js/report.js", "/js/grid-keys.js");
		assertThat(compressed).as("compressed script and styles of the first page").isLessThan(300 * 1024);

		assertNoExternalReference("/", index);
		assertNoExternalReference("/auth/login", fetch(http, "/auth/login").body());
		assertNoExternalReference("/auth/login/forgot-password", fetch(http, "/auth/login/forgot-password").body());
		assertNoExternalReference("/auth/css/login.css", fetch(http, "/auth/css/login.css").body());
	}

	// ----- steps of the road -----

	private static void signIn(Chromium chromium, String username, String password, String screenshot) {
		chromium.open(gateway + "/");
		chromium.visible("#username");
		if (screenshot != null) {
			chromium.screenshot(screenshot);
		}
		signInOnPage(chromium, username, password);
		chromium.text("#user-name", username);
	}

	private static void signInOnPage(Chromium chromium, String username, String password) {
		chromium.type("#username", username);
		chromium.type("#password", password);
		chromium.find("form button[type='submit']").click();
	}

	private static void signOut(Chromium chromium, String screenshot) {
		chromium.find("#logout-button").click();
		chromium.visible("#username");
		assertThat(chromium.driver().getCurrentUrl()).as("back at the login page").contains("/auth/login");
		if (screenshot != null) {
			chromium.screenshot(screenshot);
		}
		chromium.open(gateway + "/#/");
		chromium.visible("#username");
		assertThat(chromium.driver().getCurrentUrl()).as("no session at the gateway after signing out")
			.contains("/auth/login");
	}

	/**
	 * The row of a report in "Công việc của tôi". Right after the stack starts the day's
	 * periods may still be opening, so the page is loaded again until it is there.
	 */
	private static WebElement myWorkRow(Chromium chromium, String periodLabel) {
		By row = By
			.xpath("//table[@id='my-work-table']//tr[@data-report-id and td[normalize-space()='" + periodLabel + "']]");
		long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
		while (true) {
			chromium.visible("#my-work");
			List<WebElement> found = chromium.driver().findElements(row);
			if (!found.isEmpty()) {
				return found.get(0);
			}
			assertThat(System.nanoTime()).as("a %s report in my work within 120 s", periodLabel).isLessThan(deadline);
			sleep(Duration.ofSeconds(2));
			chromium.driver().navigate().refresh();
		}
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static void assertReportHeader(Chromium chromium, String periodLabel, String state) {
		chromium.visible("#report-screen");
		chromium.text("#report-state", state);
		assertThat(chromium.find("#report-title").getText()).isEqualTo("Báo cáo hàng ngày cấp Xã");
		assertThat(chromium.find("#period-label").getText()).isEqualTo(periodLabel);
		assertThat(chromium.find("#unit-name").getText()).isEqualTo("Xã Long Thạnh");
		String header = chromium.find(".filter-box").getText();
		assertThat(header).contains("Tên kỳ dữ liệu", "Kỳ dữ liệu", "Đơn vị báo cáo", "Ngày mở", "Ngày đóng");
		String toolbar = chromium.find(".toolbar").getText();
		assertThat(toolbar).contains("Hành động", "Tệp tin đính kèm", "Tải xuống Excel", "Hủy");
	}

	private static void assertRequiredHeadersAreMarkedInRed(Chromium chromium) {
		for (String letter : REQUIRED) {
			WebElement mark = chromium.find("#col-" + letter + " .required");
			assertThat(mark.getText()).as("asterisk on required column %s", letter).isEqualTo("*");
			assertThat(isRed(mark.getCssValue("color"))).as("red asterisk on %s: %s", letter, mark.getCssValue("color"))
				.isTrue();
		}
		assertThat(chromium.findAll("#col-N .required")).as("N is optional").isEmpty();
	}

	private static boolean isRed(String cssColor) {
		Matcher rgb = Pattern.compile("rgba?\\((\\d+), (\\d+), (\\d+)").matcher(cssColor);
		return rgb.find() && Integer.parseInt(rgb.group(1)) >= 150 && Integer.parseInt(rgb.group(2)) <= 90
				&& Integer.parseInt(rgb.group(3)) <= 90;
	}

	private static void assertGridKeysMoveBetweenCells(Chromium chromium) {
		// Focused as by Tab: a click would open the choice list, which then takes the
		// keys.
		chromium.script("document.getElementById('input-B').focus();");
		chromium.find("#input-B").sendKeys(Keys.ARROW_RIGHT);
		assertThat(focusedId(chromium)).as("→ moves to the next cell").isEqualTo("input-C");
		chromium.find("#input-C").sendKeys(Keys.ENTER);
		assertThat(focusedId(chromium)).as("Enter moves on").isEqualTo("input-D");
		chromium.find("#input-D").sendKeys(Keys.chord(Keys.SHIFT, Keys.ENTER));
		assertThat(focusedId(chromium)).as("Shift+Enter moves back").isEqualTo("input-C");
		chromium.find("#input-C").sendKeys(Keys.ARROW_LEFT);
		assertThat(focusedId(chromium)).as("← moves to the previous cell").isEqualTo("input-B");
		chromium.find("#input-B").sendKeys(Keys.TAB);
		assertThat(focusedId(chromium)).as("Tab moves to the next cell").isEqualTo("input-C");
		assertThat(new Select(chromium.find("#input-B")).getFirstSelectedOption().getText())
			.as("moving does not change a choice")
			.isEqualTo("— Chọn —");
	}

	private static void fillUnitColumns(Chromium chromium, Map<String, String> overrides) {
		Map<String, String> values = new LinkedHashMap<>(DailyEntry.unitValues());
		values.putAll(overrides);
		values.forEach((letter, value) -> {
			WebElement control = chromium.find("#input-" + letter);
			if (control.getTagName().equals("select")) {
				new Select(control).selectByVisibleText(value);
			}
			else {
				control.clear();
				control.sendKeys(value);
			}
		});
	}

	/**
	 * beforeunload is refused and leaving the report asks first, while input is unsaved.
	 */
	private static void assertUnsavedInputIsGuarded(Chromium chromium, String reportId) {
		Boolean refused = chromium.script("const e = new Event('beforeunload', { cancelable: true });"
				+ "window.dispatchEvent(e); return e.defaultPrevented;");
		assertThat(refused).as("closing or reloading the page warns").isTrue();
		chromium.find(".breadcrumb a").click();
		Alert confirm = chromium.until(ExpectedConditions.alertIsPresent());
		assertThat(confirm.getText()).contains("thay đổi chưa lưu");
		confirm.dismiss();
		assertThat(chromium.driver().getCurrentUrl()).endsWith("#/bao-cao/" + reportId);
		assertThat(chromium.find("#input-O").getDomProperty("value")).isEqualTo(DailyEntry.unitValues().get("O"));
	}

	/**
	 * Offline, "Lưu" fails, the input stays and is kept in localStorage; the report
	 * opened again after the connection returns restores it with a notice.
	 */
	private static void assertDraftTypedOfflineIsKeptAndRestored(Chromium chromium, String reportId) {
		assertThat(drafts(chromium, reportId)).as("the input is kept per report and version").hasSize(1);
		chromium.offline(true);
		try {
			chromium.visible("#offline-banner");
			chromium.find("#save-button").click();
			chromium.text("#form-alert", "giữ trên máy này");
			chromium.screenshot("05-mat-mang");
		}
		finally {
			chromium.offline(false);
		}
		chromium.until(ExpectedConditions.invisibilityOfElementLocated(By.id("offline-banner")));
		chromium.text("#form-alert", "Đã có mạng trở lại");
		Map<String, String> kept = drafts(chromium, reportId);
		assertThat(kept.values()).singleElement().asString().contains("Tạm được", "Mạng chập chờn buổi sáng");

		WebDriver driver = chromium.driver();
		String before = driver.getWindowHandle();
		driver.switchTo().newWindow(WindowType.TAB);
		chromium.open(gateway + "/#/bao-cao/" + reportId);
		chromium.text("#form-alert", "Đã khôi phục dữ liệu bạn nhập");
		DailyEntry.unitValues()
			.forEach((letter, value) -> assertThat(chromium.find("#input-" + letter).getDomProperty("value"))
				.as("restored column %s", letter)
				.isEqualTo(value));
		assertThat(chromium.find("#save-status").getText()).contains("chưa lưu");
		chromium.screenshot("06-khoi-phuc-ban-nhap");
		assertThat(driver.getWindowHandles()).contains(before);
	}

	private static Map<String, String> drafts(Chromium chromium, String reportId) {
		return chromium.script("const found = {}; for (let i = 0; i < localStorage.length; i++) {"
				+ " const k = localStorage.key(i); if (k.includes(arguments[0])) found[k] = localStorage.getItem(k); }"
				+ " return found;", reportId);
	}

	private static void attachEvidence(Chromium chromium) throws IOException {
		Path pdf = Files.createTempFile("minh-chung-", ".pdf");
		try {
			Files.writeString(pdf, "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n",
					StandardCharsets.US_ASCII);
			chromium.find("#attachments-button").click();
			chromium.visible("#attachments-dialog");
			chromium.visible("#attachment-empty");
			chromium.find("#attachment-file").sendKeys(pdf.toAbsolutePath().toString());
			chromium.find("#attachment-upload").click();
			chromium.text("#attachment-list", pdf.getFileName().toString());
			chromium.screenshot("08-tep-dinh-kem");
			chromium.find("#attachments-close").click();
			chromium.until(ExpectedConditions.invisibilityOfElementLocated(By.id("attachments-dialog")));
		}
		finally {
			Files.deleteIfExists(pdf);
		}
	}

	/**
	 * The province revises column Q offline in the workbook it downloaded and imports it
	 * on the report screen: a file that is no workbook is refused in Vietnamese first,
	 * then the preview shows the changed cell, and applying it updates the screen.
	 */
	private static void importRevisedEvaluation(Chromium chromium, Path workbook, String revisedQ) throws IOException {
		Path revised = Files.createTempFile("bao-cao-sua-", ".xlsx");
		Path notAWorkbook = Files.createTempFile("khong-phai-excel-", ".xlsx");
		try {
			try (InputStream input = Files.newInputStream(workbook); Workbook book = new XSSFWorkbook(input)) {
				// Row 8, column Q: the unit's row, as export-service lays the sheet out.
				// The
				// exported cell is an inline string; a fresh cell with its (unlocked)
				// style
				// holds the new text the way a spreadsheet program saves it.
				Row unit = book.getSheetAt(0).getRow(7);
				CellStyle style = unit.getCell(16).getCellStyle();
				unit.removeCell(unit.getCell(16));
				Cell q = unit.createCell(16);
				q.setCellStyle(style);
				q.setCellValue(revisedQ);
				try (OutputStream output = Files.newOutputStream(revised)) {
					book.write(output);
				}
			}
			Files.writeString(notAWorkbook, "không phải tệp Excel", StandardCharsets.UTF_8);

			chromium.find("#import-excel-button").click();
			chromium.visible("#import-excel-dialog");
			chromium.find("#import-excel-file").sendKeys(notAWorkbook.toAbsolutePath().toString());
			chromium.find("#import-excel-upload").click();
			WebElement refused = chromium.visible("#import-excel-error");
			assertThat(refused.getText()).as("a file that is no workbook is refused, naming it")
				.contains(notAWorkbook.getFileName().toString())
				.containsPattern("[ệảạđườẫ]");
			assertThat(chromium.findAll("#import-excel-table")).isEmpty();

			chromium.find("#import-excel-file").sendKeys(revised.toAbsolutePath().toString());
			chromium.find("#import-excel-upload").click();
			chromium.visible("#import-excel-table");
			chromium.text("#import-excel-summary", "1 dòng");
			WebElement changed = chromium.find("#import-excel-table td.import-cell-changed");
			assertThat(changed.getText()).contains(revisedQ, "Thay đổi");
			assertThat(chromium.findAll("#import-excel-table td.import-cell-changed")).as("only Q changed").hasSize(1);
			chromium.screenshot("17-nhap-lieu-excel-xem-truoc");

			chromium.find("#import-excel-apply").click();
			chromium.text("#import-excel-result", "Đã áp dụng 1 dòng");
			chromium.screenshot("18-nhap-lieu-excel-da-ap-dung");
			chromium.find("#import-excel-close").click();
			chromium.until(ExpectedConditions.invisibilityOfElementLocated(By.id("import-excel-dialog")));
			chromium.until((driver) -> revisedQ.equals(driver.findElement(By.id("input-Q")).getDomProperty("value")));
		}
		finally {
			Files.deleteIfExists(revised);
			Files.deleteIfExists(notAWorkbook);
		}
	}

	private static void takeAction(Chromium chromium, String action, String message, String state) {
		chromium.find("#action-menu-button").click();
		chromium.visible("#action-" + action).click();
		chromium.visible("#action-dialog");
		chromium.find("#action-message").sendKeys(message);
		chromium.find("#action-confirm").click();
		chromium.until(ExpectedConditions.attributeToBe(By.cssSelector("#report-screen"), "data-state", state));
	}

	private static void assertColumnFiltersNarrowTheGrid(Chromium chromium, String rowCss) {
		assertThat(chromium.findAll("#period-grid tr.filters .column-filter")).as("a filter on every column B–R")
			.hasSize(17);
		reloaded(chromium, () -> new Select(chromium.find("#filter-D")).selectByVisibleText("Yếu"));
		chromium.visible("#grid-empty");
		assertThat(chromium.findAll(rowCss)).isEmpty();
		reloaded(chromium, () -> new Select(chromium.find("#filter-D")).selectByVisibleText("Tạm được"));
		chromium.visible(rowCss);
		reloaded(chromium, () -> {
			chromium.type("#filter-N", "chập chờn");
			chromium.find("#filter-N").sendKeys(Keys.ENTER);
		});
		assertThat(chromium.find("#filter-N").getDomProperty("value")).isEqualTo("chập chờn");
		assertThat(new Select(chromium.find("#filter-D")).getFirstSelectedOption().getText()).isEqualTo("Tạm được");
		chromium.visible(rowCss);
		assertThat(chromium.findAll("#period-grid tbody tr"))
			.allSatisfy((tr) -> assertThat(tr.getText()).contains("Tạm được", "chập chờn"));
	}

	/** Runs a change and waits until the grid was drawn again. */
	private static void reloaded(Chromium chromium, Runnable change) {
		WebElement before = chromium.find("#period-grid");
		change.run();
		chromium.until(ExpectedConditions.stalenessOf(before));
		chromium.visible("#period-grid");
	}

	private static void assertUnitColumnStaysFrozen(Chromium chromium) {
		Number shift = chromium.script("const wrap = document.querySelector('#period-screen .grid-wrap');"
				+ "const unit = wrap.querySelector('tbody th.col-a'); wrap.scrollLeft = 1200;"
				+ "const moved = wrap.scrollLeft;"
				+ "const gap = unit.getBoundingClientRect().left - wrap.getBoundingClientRect().left;"
				+ "wrap.scrollLeft = 0; return moved > 0 ? Math.abs(gap) : -1;");
		assertThat(shift.doubleValue()).as("the grid scrolls sideways and the unit column stays at its left edge")
			.isBetween(0.0, 2.0);
	}

	private static void assertNoHorizontalScroll(Chromium chromium, String what) {
		Number overflow = chromium
			.script("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
		assertThat(overflow.intValue()).as("%s: the page itself does not scroll sideways", what).isLessThanOrEqualTo(0);
	}

	private static void assertOnlyTheSystemsOwnHost(Chromium chromium) {
		String own = URI.create(gateway).getAuthority();
		assertThat(chromium.requested()).as("every request the pages made").isNotEmpty().allSatisfy((address) -> {
			if (address.startsWith("http")) {
				assertThat(URI.create(address).getAuthority()).as(address).isEqualTo(own);
			}
			else {
				assertThat(address).as("no other scheme than the page's own")
					.satisfiesAnyOf((a) -> assertThat(a).startsWith("blob:http://" + own),
							(a) -> assertThat(a).isEqualTo("about:blank"));
			}
		});
	}

	private static String focusedId(Chromium chromium) {
		return chromium.script("return document.activeElement && document.activeElement.id;");
	}

	private static void assertWorkbookHolds(Path file, Map<String, String> evaluation, String day) throws IOException {
		DataFormatter formatter = new DataFormatter();
		StringBuilder text = new StringBuilder();
		try (InputStream input = Files.newInputStream(file); Workbook workbook = new XSSFWorkbook(input)) {
			for (Row row : workbook.getSheetAt(0)) {
				for (Cell cell : row) {
					text.append(formatter.formatCellValue(cell)).append('\n');
				}
			}
		}
		assertThat(text).contains("Xã Long Thạnh", day, "Văn bản phổ biến", "(Phần của Tỉnh) Trạng thái Giám sát");
		DailyEntry.unitValues().values().forEach((value) -> assertThat(text).contains(value));
		evaluation.values().forEach((value) -> assertThat(text).contains(value));
	}

	// ----- set-up through other doors -----

	/**
	 * The province issues a one-time reset code, as its supervisor would on the phone.
	 */
	private static String resetCode(String username) {
		Browser province = Browser.signIn(gateway, "tinh_91", PASSWORD);
		HttpResponse<String> issued = province.post("/auth/api/accounts/" + username + "/reset-code", Map.of());
		assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
		JsonNode code = Browser.json(issued).get("code");
		assertThat(code).isNotNull();
		return code.asString();
	}

	/**
	 * Makes a demo account like a real new one: initial password to change, profile and
	 * CCCD to give (the demo stack waives first login for its accounts).
	 */
	private static void requireFirstLogin(String username) throws SQLException {
		StackConfig config = stack.config();
		try (Connection connection = DriverManager.getConnection(config.jdbcUrl("identity"), StackConfig.DATABASE_USER,
				StackConfig.DATABASE_PASSWORD);
				PreparedStatement update = connection.prepareStatement(
						"update account set must_change_password = true, first_login_waived = false where username = ?")) {
			update.setString(1, username);
			assertThat(update.executeUpdate()).as("account %s", username).isEqualTo(1);
		}
	}

	private static HttpResponse<String> fetch(HttpClient http, String path) throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(gateway + path)).build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return response;
	}

	private static void assertNoExternalReference(String asset, String text) {
		Pattern external = Pattern.compile(
				"(?:src|href|action)\\s*=\\s*[\"'](?:https?:)?//|url\\(\\s*[\"']?(?:https?:)?//|@import\\s+[\"'](?:https?:)?//"
						+ "|\\bfrom\\s+[\"'](?:https?:)?//|import\\(\\s*[\"'](?:https?:)?//");
		Matcher found = external.matcher(text);
		assertThat(found.find())
			.as("%s refers to another host: %s", asset,
					found.hitEnd() ? "" : text.substring(Math.max(0, found.start() - 40),
							Math.min(text.length(), found.end() + 60)))
			.isFalse();
	}

	private static byte[] gzip(byte[] content) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
			zip.write(content);
		}
		return out.toByteArray();
	}

	private static byte[] gunzip(byte[] content) throws IOException {
		try (InputStream in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(content))) {
			return in.readAllBytes();
		}
	}

	/** Communes of a province in the official unit list, in its order. */
	private static List<String> communesOfProvince(String province) throws IOException {
		Path csv = StackConfig.findRepositoryRoot(Path.of(""))
			.resolve("identity-service/src/main/resources/units/don-vi-hanh-chinh-2025.csv");
		try (Stream<String> lines = Files.lines(csv, StandardCharsets.UTF_8)) {
			return lines.skip(1)
				.map((line) -> line.split(","))
				.filter((unit) -> unit[0].equals(province))
				.map((unit) -> unit[3])
				.toList();
		}
	}

}
