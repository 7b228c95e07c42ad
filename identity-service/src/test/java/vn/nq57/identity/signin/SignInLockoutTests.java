package vn.nq57.identity.signin;

import java.net.URI;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import vn.nq57.identity.IdentityServiceTest;

import static org.assertj.core.api.Assertions.assertThat;

class SignInLockoutTests extends IdentityServiceTest {

	private static final String LOCKED_MESSAGE = "Đăng nhập tạm thời bị chặn do";

	@Test
	void signInWhenFifthWrongPasswordThenEvenTheRightPasswordIsRefusedWithTheLockoutMessage() {
		Browser browser = browser();
		for (int i = 0; i < 4; i++) {
			assertThat(location(browser.submitLogin(this, "30292_01", "wrong-password-" + i))).endsWith("?error");
		}

		HttpResponse<String> fifth = browser.submitLogin(this, "30292_01", "wrong-password-5");
		HttpResponse<String> right = browser.submitLogin(this, "30292_01", PASSWORD);
		HttpResponse<String> fromElsewhere = browser().submitLogin(this, "30292_01", PASSWORD);

		assertThat(location(fifth)).endsWith("?error");
		assertThat(location(right)).endsWith("/auth/login?locked");
		assertThat(location(fromElsewhere)).as("per account, whatever the address").endsWith("/auth/login?locked");
		assertThat(browser.get(URI.create(location(right))).body()).contains(LOCKED_MESSAGE).doesNotContain("30292_01");
	}

	@Test
	void signInWhenUsernameUnknownThenLocksExactlyLikeAKnownOne() {
		Browser unknown = browser();
		Browser known = browser();
		for (int i = 0; i < 5; i++) {
			unknown.submitLogin(this, "99991_01", "wrong-password-" + i);
			known.submitLogin(this, "30301_01", "wrong-password-" + i);
		}

		HttpResponse<String> unknownAgain = unknown.submitLogin(this, "99991_01", PASSWORD);
		HttpResponse<String> knownAgain = known.submitLogin(this, "30301_01", PASSWORD);

		assertThat(location(unknownAgain)).isEqualTo(location(knownAgain)).endsWith("?locked");
		assertThat(this.jdbc.sql("select count(*) from sign_in_throttle where throttle_key like '%99991%'")
			.query(Integer.class)
			.single()).as("keys are stored hashed").isZero();
	}

	@Test
	void signInWhenLockoutOverThenRightPasswordWorksAndTheNextLockoutIsLonger() {
		Browser browser = browser();
		for (int i = 0; i < 5; i++) {
			browser.submitLogin(this, "30307_01", "wrong-password-" + i);
		}
		Instant firstLockout = lockedUntil();
		endLockouts();

		HttpResponse<String> afterFirst = browser.submitLogin(this, "30307_01", "wrong-password-6");
		Instant secondLockout = lockedUntil();
		endLockouts();
		HttpResponse<String> right = browser.submitLogin(this, "30307_01", PASSWORD);

		assertThat(Duration.between(Instant.now(), firstLockout)).isCloseTo(Duration.ofMinutes(1),
				Duration.ofSeconds(20));
		assertThat(location(afterFirst)).endsWith("?error");
		assertThat(Duration.between(Instant.now(), secondLockout)).as("doubled")
			.isCloseTo(Duration.ofMinutes(2), Duration.ofSeconds(20));
		assertThat(location(right)).doesNotContain("error", "locked");
		assertThat(lockedUntil()).as("failures forgotten after a success").isNull();
	}

	@Test
	void signInWhenOneAddressFailsTwentyTimesOnManyAccountsThenThatAddressIsLockedButNotOthers() {
		Browser attacker = new Browser("203.0.113.57");
		for (int i = 0; i < 20; i++) {
			attacker.submitLogin(this, "9000" + (i % 10) + "_01", "wrong-password-" + i);
		}

		HttpResponse<String> fromAttacker = attacker.submitLogin(this, "30313_01", PASSWORD);
		HttpResponse<String> fromColleague = browser().submitLogin(this, "30313_01", PASSWORD);

		assertThat(location(fromAttacker)).endsWith("?locked");
		assertThat(location(fromColleague)).doesNotContain("error", "locked");
	}

	@Test
	void unlockWhenProvinceUnlocksItsCommuneAccountThenSignInWorksAgain() {
		Browser browser = browser();
		for (int i = 0; i < 5; i++) {
			browser.submitLogin(this, "30316_02", "wrong-password-" + i);
		}

		HttpResponse<String> otherProvince = api("POST", "/api/accounts/30316_02/unlock",
				tokensFor("tinh_01").accessToken());
		HttpResponse<String> commune = api("POST", "/api/accounts/30316_02/unlock",
				tokensFor("30943_02").accessToken());
		HttpResponse<String> stillLocked = browser.submitLogin(this, "30316_02", PASSWORD);
		HttpResponse<String> province = api("POST", "/api/accounts/30316_02/unlock",
				tokensFor("tinh_91").accessToken());
		HttpResponse<String> afterUnlock = browser.submitLogin(this, "30316_02", PASSWORD);

		assertThat(otherProvince.statusCode()).isEqualTo(403);
		assertThat(readJson(otherProvince).get("code").asString()).isEqualTo("IDN-006");
		assertThat(readJson(otherProvince).get("detail").asString())
			.isEqualTo("Tên đăng nhập: tài khoản \"30316_02\" không thuộc phạm vi quản lý của bạn.");
		assertThat(commune.statusCode()).isEqualTo(403);
		assertThat(location(stillLocked)).endsWith("?locked");
		assertThat(province.statusCode()).isEqualTo(200);
		assertThat(readJson(province).get("wasLocked").asBoolean()).isTrue();
		assertThat(location(afterUnlock)).doesNotContain("error", "locked");
	}

	@Test
	void unlockWhenCentreUnlocksAProvinceAccountThenAnswersAndProvinceCannot() {
		HttpResponse<String> byProvince = api("POST", "/api/accounts/tinh_01/unlock",
				tokensFor("tinh_91").accessToken());
		HttpResponse<String> byCentre = api("POST", "/api/accounts/tinh_01/unlock",
				tokensFor("trunguong").accessToken());
		HttpResponse<String> unknown = api("POST", "/api/accounts/khong_co/unlock",
				tokensFor("trunguong").accessToken());

		assertThat(byProvince.statusCode()).isEqualTo(403);
		assertThat(byCentre.statusCode()).isEqualTo(200);
		assertThat(readJson(byCentre).get("wasLocked").asBoolean()).isFalse();
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(readJson(unknown).get("code").asString()).isEqualTo("IDN-005");
	}

	private @Nullable Instant lockedUntil() {
		return this.jdbc.sql("""
				select locked_until from sign_in_throttle
				where throttle_key = encode(sha256(convert_to('account:30307_01', 'UTF8')), 'hex')
				""")
			.query((rs, rowNum) -> rs.getTimestamp(1))
			.list()
			.stream()
			.filter(Objects::nonNull)
			.map(Timestamp::toInstant)
			.findFirst()
			.orElse(null);
	}

	private void endLockouts() {
		this.jdbc.sql("""
				update sign_in_throttle set locked_until = now() - interval '1 second'
				where throttle_key = encode(sha256(convert_to('account:30307_01', 'UTF8')), 'hex')
				""").update();
	}

}
