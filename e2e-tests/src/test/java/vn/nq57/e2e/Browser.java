package vn.nq57.e2e;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One signed-in user, as a browser sees the system: cookies only, everything through the
 * gateway, the XSRF-TOKEN cookie echoed on unsafe calls.
 */
final class Browser {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern VALUE = Pattern.compile("value=\"([^\"]*)\"");

	private static final Pattern HIDDEN_INPUT = Pattern.compile("<input[^>]*type=\"hidden\"[^>]*>");

	private static final Pattern NAME = Pattern.compile("name=\"([^\"]*)\"");

	private final String gateway;

	private final String username;

	private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

	private final HttpClient http;

	private Browser(String gateway, String username) {
		this.gateway = gateway;
		this.username = username;
		this.http = HttpClient.newBuilder()
			.cookieHandler(this.cookies)
			.followRedirects(HttpClient.Redirect.NORMAL)
			.connectTimeout(Duration.ofSeconds(5))
			.version(HttpClient.Version.HTTP_1_1)
			.build();
	}

	/**
	 * Signs in through the real authorization-code flow: the gateway sends the browser to
	 * identity-service's login page, the form is posted with its CSRF token, and the
	 * redirects lead back to the gateway with a session.
	 */
	static Browser signIn(String gateway, String username, String password) {
		Browser browser = new Browser(gateway, username);
		HttpResponse<String> loginPage = browser.send(browser.request("/oauth2/authorization/nq57").GET());
		assertThat(loginPage.statusCode()).as("login page for %s", username).isEqualTo(200);
		assertThat(loginPage.uri().getPath()).as("redirected to the identity login page").isEqualTo("/auth/login");
		String csrf = hiddenCsrf(loginPage.body());

		String form = Map.of("username", username, "password", password, "_csrf", csrf)
			.entrySet()
			.stream()
			.map((entry) -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		HttpResponse<String> landed = browser.send(browser.request("/auth/login")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form)));
		assertThat(landed.uri().getPath()).as("%s back at the gateway after signing in: %s", username, chain(landed))
			.doesNotStartWith("/auth/");
		assertThat(landed.statusCode()).as("gateway page after signing in").isLessThan(400);
		assertThat(addresses(loginPage, landed))
			.as("every step of %s's sign-in goes through the gateway: %s", username, chain(landed))
			.allSatisfy((address) -> assertThat(address).isEqualTo(URI.create(gateway).getAuthority()));
		return browser;
	}

	/**
	 * A browser that has not signed in, for sign-ins other than the password form.
	 */
	static Browser anonymous(String gateway) {
		return new Browser(gateway, "(not signed in)");
	}

	/**
	 * Posts a form to an absolute address (an identity provider's page), following the
	 * redirects with this browser's cookies.
	 */
	HttpResponse<String> postForm(URI address, Map<String, String> fields) {
		String form = fields.entrySet()
			.stream()
			.map((entry) -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(address)
			.timeout(Duration.ofSeconds(120))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form)));
	}

	/** The name and value of every hidden input of a page. */
	static Map<String, String> hiddenInputs(String page) {
		Map<String, String> fields = new LinkedHashMap<>();
		Matcher input = HIDDEN_INPUT.matcher(page);
		while (input.find()) {
			Matcher name = NAME.matcher(input.group());
			Matcher value = VALUE.matcher(input.group());
			if (name.find()) {
				fields.put(name.group(1), value.find() ? unescape(value.group(1)) : "");
			}
		}
		return fields;
	}

	private static String unescape(String html) {
		return html.replace("&quot;", "\"")
			.replace("&#39;", "'")
			.replace("&lt;", "<")
			.replace("&gt;", ">")
			.replace("&amp;", "&");
	}

	/** The host:port of every request of a sign-in, redirects included. */
	private static java.util.List<String> addresses(HttpResponse<String> loginPage, HttpResponse<String> landed) {
		java.util.List<String> addresses = new java.util.ArrayList<>();
		for (HttpResponse<String> last : java.util.List.of(loginPage, landed)) {
			Optional<HttpResponse<String>> step = Optional.of(last);
			while (step.isPresent()) {
				addresses.add(step.get().uri().getAuthority());
				step = step.get().previousResponse();
			}
		}
		return addresses;
	}

	/** The redirects that led to a response, for failure messages. */
	private static String chain(HttpResponse<String> response) {
		java.util.Deque<String> steps = new java.util.ArrayDeque<>();
		steps.addFirst(response.statusCode() + " " + response.uri() + " "
				+ response.body().substring(0, Math.min(300, response.body().length())));
		Optional<HttpResponse<String>> previous = response.previousResponse();
		while (previous.isPresent()) {
			steps.addFirst(previous.get().statusCode() + " " + previous.get().uri());
			previous = previous.get().previousResponse();
		}
		return String.join(" -> ", steps);
	}

	private static String hiddenCsrf(String page) {
		String csrf = hiddenInputs(page).get("_csrf");
		assertThat(csrf).as("login page has a _csrf hidden input with a value").isNotBlank();
		return csrf;
	}

	String username() {
		return this.username;
	}

	HttpResponse<String> get(String path) {
		return send(request(path).GET());
	}

	HttpResponse<byte[]> getBytes(String path) {
		return sendBytes(request(path).GET());
	}

	HttpResponse<String> put(String path, Object body) {
		return send(unsafe(request(path)).header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
	}

	HttpResponse<String> post(String path, Object body) {
		return send(unsafe(request(path)).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
	}

	HttpResponse<String> delete(String path) {
		return send(unsafe(request(path)).DELETE());
	}

	HttpResponse<String> postFile(String path, String fileName, String contentType, byte[] content) {
		String boundary = "nq57-" + UUID.randomUUID();
		byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: " + contentType + "\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] body = new byte[head.length + content.length + tail.length];
		System.arraycopy(head, 0, body, 0, head.length);
		System.arraycopy(content, 0, body, head.length, content.length);
		System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
		return send(unsafe(request(path)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body)));
	}

	static JsonNode json(HttpResponse<String> response) {
		return JSON.readTree(response.body());
	}

	/**
	 * A request with a time limit well above the gateway's own limits for ordinary calls:
	 * on a loaded machine a cold service's first answer (an upload, say) can take long.
	 */
	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create(this.gateway + path))
			.timeout(Duration.ofSeconds(120))
			.header("Accept", "application/json, text/html;q=0.9, */*;q=0.8");
	}

	private HttpRequest.Builder unsafe(HttpRequest.Builder request) {
		return request.header("X-XSRF-TOKEN", xsrfToken());
	}

	/**
	 * The gateway's CSRF cookie. Spring Security writes it lazily, so a safe request is
	 * made first if it is not there yet.
	 */
	String xsrfToken() {
		Optional<String> token = cookie("XSRF-TOKEN");
		if (token.isEmpty()) {
			get("/api/reports/my-work");
			token = cookie("XSRF-TOKEN");
		}
		assertThat(token).as("XSRF-TOKEN cookie of %s", this.username).isPresent();
		return token.get();
	}

	private Optional<String> cookie(String name) {
		return this.cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter((cookie) -> cookie.getName().equals(name))
			.map(HttpCookie::getValue)
			.findFirst();
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new IllegalStateException("Request of " + this.username + " failed: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

	private HttpResponse<byte[]> sendBytes(HttpRequest.Builder request) {
		try {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new IllegalStateException("Request of " + this.username + " failed: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

}
