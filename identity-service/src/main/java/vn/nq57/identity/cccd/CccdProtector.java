package vn.nq57.identity.cccd;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

import vn.nq57.identity.IdentityProperties;

/**
 * Protects stored CCCD numbers: {@link #fingerprint} (HMAC-SHA256 with a secret key) is
 * what makes a number unique across accounts and what a VNeID sign-in is matched by;
 * {@link #encrypt} (AES-256-GCM, random 96-bit nonce, versioned) is what an administrator
 * can read back. Without the keys, the database alone reveals no number.
 */
@Component
public class CccdProtector {

	private static final String VERSION = "v1:";

	private static final byte[] ASSOCIATED_DATA = "nq57.identity.cccd".getBytes(StandardCharsets.US_ASCII);

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private final SecretKeySpec hmacKey;

	private final SecretKeySpec encryptionKey;

	private final SecureRandom random = new SecureRandom();

	CccdProtector(IdentityProperties properties) {
		IdentityProperties.Cccd keys = properties.cccd();
		if (keys == null) {
			throw new IllegalStateException("nq57.identity.cccd.hmac-key and .encryption-key must be set");
		}
		this.hmacKey = new SecretKeySpec(key(keys.hmacKey(), "hmac-key"), "HmacSHA256");
		this.encryptionKey = new SecretKeySpec(key(keys.encryptionKey(), "encryption-key"), "AES");
	}

	/**
	 * The keyed hash of a number, for uniqueness and lookup.
	 * @param number a valid, normalised number
	 * @return 64 hex digits
	 */
	public String fingerprint(String number) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.hmacKey);
			return HexFormat.of().formatHex(mac.doFinal(number.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 unavailable", ex);
		}
	}

	/**
	 * Encrypts a number for storage.
	 * @param number a valid, normalised number
	 * @return {@code v1:} followed by base64 of the nonce and the ciphertext with its tag
	 */
	public String encrypt(String number) {
		try {
			byte[] nonce = new byte[NONCE_BYTES];
			this.random.nextBytes(nonce);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, this.encryptionKey, new GCMParameterSpec(TAG_BITS, nonce));
			cipher.updateAAD(ASSOCIATED_DATA);
			byte[] sealed = cipher.doFinal(number.getBytes(StandardCharsets.US_ASCII));
			return VERSION + Base64.getEncoder()
				.encodeToString(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM unavailable", ex);
		}
	}

	/**
	 * Decrypts a stored number.
	 * @param stored what {@link #encrypt} returned
	 * @return the number
	 * @throws IllegalStateException if the value was altered or encrypted with another
	 * key
	 */
	public String decrypt(String stored) {
		if (!stored.startsWith(VERSION)) {
			throw new IllegalStateException("Unknown CCCD encryption version");
		}
		try {
			byte[] bytes = Base64.getDecoder().decode(stored.substring(VERSION.length()));
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, this.encryptionKey, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
			cipher.updateAAD(ASSOCIATED_DATA);
			return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES),
					StandardCharsets.US_ASCII);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Stored CCCD cannot be decrypted with the configured key", ex);
		}
	}

	private static byte[] key(String base64, String name) {
		byte[] key = Base64.getDecoder().decode(base64);
		if (key.length != 32) {
			throw new IllegalStateException("nq57.identity.cccd." + name + " must be base64 of 32 bytes");
		}
		return key;
	}

}
