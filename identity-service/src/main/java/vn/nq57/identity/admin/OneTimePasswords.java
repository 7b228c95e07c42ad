package vn.nq57.identity.admin;

import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * One-time initial passwords: 12 characters from lower-case letters and digits without
 * look-alikes (about 60 bits), grouped {@code xxxx-xxxx-xxxx} (the dashes are part of the
 * password). Stored as bcrypt (the {@code {bcrypt}} entry of the service's delegating
 * encoder) at cost {@value #COST} instead of the default 10: the secret is random with
 * about 60 bits, used once and replaced at the first sign-in, so the cost protects
 * nothing a guess could reach, while a province's sheet (up to 340 accounts) or the
 * nation's (6,677) must be built within the gateway's time limit. Hashed in parallel.
 */
@Component
class OneTimePasswords {

	private static final char[] ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789".toCharArray();

	private final SecureRandom random = new SecureRandom();

	/** The bcrypt cost of one-time passwords. */
	static final int COST = 5;

	private final PasswordEncoder oneTime = new BCryptPasswordEncoder(COST);

	String generate() {
		StringBuilder password = new StringBuilder(14);
		for (int i = 0; i < 12; i++) {
			if (i > 0 && i % 4 == 0) {
				password.append('-');
			}
			password.append(ALPHABET[this.random.nextInt(ALPHABET.length)]);
		}
		return password.toString();
	}

	String hash(String password) {
		return "{bcrypt}" + this.oneTime.encode(password);
	}

	/** Hashes many passwords on every core: bcrypt is slow on purpose. */
	List<String> hashAll(List<String> passwords) {
		int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<Future<String>> hashes = passwords.stream().map((p) -> pool.submit(() -> hash(p))).toList();
			return hashes.stream().map(OneTimePasswords::get).toList();
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static String get(Future<String> future) {
		try {
			return future.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException(ex.getCause());
		}
	}

}
