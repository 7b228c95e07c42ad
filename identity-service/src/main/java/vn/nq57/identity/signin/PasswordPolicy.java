package vn.nq57.identity.signin;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import vn.nq57.identity.IdentityProperties;

/**
 * The password policy of OWASP ASVS 4 level 2 (V2.1): at least {@value #MIN_LENGTH}
 * characters, up to {@value #MAX_LENGTH}, any character allowed, no composition rules, no
 * expiry; refused when among the most common passwords (the ranked list that ships with
 * zxcvbn4j, plus a short Vietnamese list) or equal to the username.
 */
@Component
public class PasswordPolicy {

	/** The shortest password accepted (ASVS 2.1.1). */
	public static final int MIN_LENGTH = 8;

	/** The longest password accepted (ASVS 2.1.2 asks for at least 64). */
	public static final int MAX_LENGTH = 128;

	private static final String RANKED_PASSWORDS = "/com/nulabinc/zxcvbn/matchers/dictionaries/passwords.txt";

	private static final String VIETNAMESE_PASSWORDS = "/passwords/common-vi.txt";

	private final Set<String> common;

	PasswordPolicy(IdentityProperties properties) {
		Set<String> words = new HashSet<>();
		read(RANKED_PASSWORDS, properties.signIn().commonPasswords(), words);
		read(VIETNAMESE_PASSWORDS, Integer.MAX_VALUE, words);
		words.add(properties.demo().password().toLowerCase(Locale.ROOT));
		this.common = Set.copyOf(words);
	}

	/**
	 * Normalises a typed password the same way at every change and sign-in, so that a
	 * Vietnamese password typed with composed or decomposed diacritics is the same.
	 * @param password the password as typed
	 * @return its NFC form
	 */
	public static String normalise(String password) {
		return Normalizer.normalize(password, Normalizer.Form.NFC);
	}

	/**
	 * Why a new password is refused.
	 * @param username the account's sign-in name
	 * @param password the new password, normalised
	 * @return the Vietnamese reason, naming the field; empty if the password is accepted
	 */
	public Optional<String> problem(String username, String password) {
		int length = password.codePointCount(0, password.length());
		if (length < MIN_LENGTH) {
			return Optional.of("Mật khẩu mới: cần ít nhất " + MIN_LENGTH + " ký tự (bạn đã nhập " + length + ").");
		}
		if (length > MAX_LENGTH) {
			return Optional.of("Mật khẩu mới: dài tối đa " + MAX_LENGTH + " ký tự.");
		}
		String lower = password.toLowerCase(Locale.ROOT);
		if (lower.equals(username.toLowerCase(Locale.ROOT))) {
			return Optional.of("Mật khẩu mới: không được trùng với tên đăng nhập.");
		}
		if (this.common.contains(lower)) {
			return Optional.of("Mật khẩu mới: đây là mật khẩu phổ biến, dễ bị đoán. "
					+ "Hãy chọn một cụm từ dài hơn mà chỉ bạn biết.");
		}
		return Optional.empty();
	}

	/**
	 * How many passwords are refused as common.
	 * @return the size of the list
	 */
	int commonPasswordCount() {
		return this.common.size();
	}

	private static void read(String resource, int limit, Set<String> into) {
		try (InputStream in = PasswordPolicy.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("Password list " + resource + " is missing from the class path");
			}
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			String line;
			int read = 0;
			while (read < limit && (line = reader.readLine()) != null) {
				String word = line.strip();
				if (!word.isEmpty() && !word.startsWith("#")) {
					into.add(word.toLowerCase(Locale.ROOT));
					read++;
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
