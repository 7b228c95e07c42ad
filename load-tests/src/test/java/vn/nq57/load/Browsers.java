package vn.nq57.load;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jmesPath;
import static io.gatling.javaapi.http.HttpDsl.currentLocationRegex;
import static io.gatling.javaapi.http.HttpDsl.flushCookieJar;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * What every virtual user shares with a browser: its headers, the sign-in through the
 * real authorization-code flow (gateway, identity-service's login form with its CSRF
 * token, redirects back), the session cookie, the XSRF-TOKEN cookie echoed on writes.
 */
final class Browsers {

	/**
	 * Columns B–O of a complete, valid daily report (as the end-to-end test fills it).
	 */
	static final Map<String, String> UNIT_VALUES = unitValues();

	/** A tiny valid PDF, the evidence file every commune attaches. */
	static final byte[] PDF = minimalPdf();

	private Browsers() {
	}

	static HttpProtocolBuilder protocol() {
		return http.baseUrl(LoadSettings.gatewayUrl())
			.acceptHeader("application/json, text/html;q=0.9, */*;q=0.8")
			.acceptLanguageHeader("vi-VN,vi;q=0.9,en-US;q=0.6,en;q=0.5")
			.acceptEncodingHeader("gzip, deflate")
			.userAgentHeader("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
					+ "Chrome/131.0.0.0 Safari/537.36")
			.maxRedirects(20);
	}

	/**
	 * Signs in as the account in session attribute {@code account}, in a fresh cookie
	 * jar. Leaves the XSRF-TOKEN value in {@code xsrf} after the first API read.
	 * @param step the step prefix of request names, e.g. {@code "1 data entry"}
	 * @return the chain
	 */
	static ChainBuilder signIn(String step) {
		return exec(flushCookieJar()).group(step + ": sign-in (whole)")
			.on(exec(http(step + ": sign-in page").get("/oauth2/authorization/nq57")
				.check(status().is(200), currentLocationRegex("/auth/login").exists(),
						css("input[name='_csrf']", "value").saveAs("csrf")))
				.exitHereIfFailed()
				.exec(http(step + ": sign-in password").post("/auth/login")
					.formParam("username", "#{account}")
					.formParam("password", LoadSettings.DEMO_PASSWORD)
					.formParam("_csrf", "#{csrf}")
					.check(status().is(200), currentLocationRegex("/auth/").notExists()))
				.exitHereIfFailed()
				.exec(http(step + ": session").get("/session")
					.check(status().is(200), jmesPath("username").isEL("#{account}")))
				.exitHereIfFailed());
	}

	static String valuesJson(long version, Map<String, String> values) {
		String body = values.entrySet()
			.stream()
			.map((entry) -> quote(entry.getKey()) + ":" + quote(entry.getValue()))
			.collect(Collectors.joining(","));
		return "{\"version\":" + version + ",\"values\":{" + body + "}}";
	}

	static String quote(String text) {
		return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

	static Map<String, String> part(String fromLetter, String toLetter) {
		Map<String, String> part = new LinkedHashMap<>();
		UNIT_VALUES.forEach((letter, value) -> {
			if (letter.compareTo(fromLetter) >= 0 && letter.compareTo(toLetter) <= 0) {
				part.put(letter, value);
			}
		});
		return part;
	}

	private static Map<String, String> unitValues() {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("B", "Đã hoàn thành");
		values.put("C", "Đã nhận đủ");
		values.put("D", "Tạm được");
		values.put("E", "Đã được cấp bổ sung");
		values.put("F", "Có");
		values.put("G", "Có");
		values.put("H", "Đã kiểm tra");
		values.put("I", "Đã đủ");
		values.put("J", "Đã gửi yêu cầu");
		values.put("K", "Đã đủ");
		values.put("L", "Đã niêm yết");
		values.put("M", "Đã triển khai");
		values.put("N", "Mạng chập chờn buổi sáng");
		values.put("O", "https://drive.google.com/drive/folders/nq57-bao-cao-ngay");
		return values;
	}

	private static byte[] minimalPdf() {
		String[] objects = { "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
				"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] /Contents 4 0 R "
						+ "/Resources << /Font << /F1 5 0 R >> >> >>",
				"<< /Length 44 >>\nstream\nBT /F1 18 Tf 20 40 Td (Minh chung) Tj ET\nendstream",
				"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>" };
		StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
		List<Integer> offsets = new ArrayList<>();
		for (int i = 0; i < objects.length; i++) {
			offsets.add(pdf.length());
			pdf.append(i + 1).append(" 0 obj\n").append(objects[i]).append("\nendobj\n");
		}
		int xref = pdf.length();
		pdf.append("xref\n0 ").append(objects.length + 1).append("\n0000000000 65535 f \n");
		offsets.forEach((offset) -> pdf.append(String.format("%010d 00000 n \n", offset)));
		pdf.append("trailer\n<< /Size ")
			.append(objects.length + 1)
			.append(" /Root 1 0 R >>\nstartxref\n")
			.append(xref)
			.append("\n%%EOF\n");
		return pdf.toString().getBytes(StandardCharsets.US_ASCII);
	}

}
