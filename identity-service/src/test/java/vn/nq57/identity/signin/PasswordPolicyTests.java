package vn.nq57.identity.signin;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import vn.nq57.identity.IdentityServiceTest;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTests extends IdentityServiceTest {

	@Autowired
	private PasswordPolicy policy;

	@Test
	void problemWhenShorterThanEightThenNamesTheFieldAndLength() {
		assertThat(this.policy.problem("30943_01", "Xk7#pQ2"))
			.hasValue("Mật khẩu mới: cần ít nhất 8 ký tự (bạn đã nhập 7).");
	}

	@Test
	void problemWhenEightToOneHundredTwentyEightCharactersWithoutCompositionThenAccepted() {
		assertThat(this.policy.problem("30943_01", "lúa chín vàng đồng")).isEmpty();
		assertThat(this.policy.problem("30943_01", "x".repeat(20) + "ngày mai trời nắng".repeat(3))).isEmpty();
		assertThat(this.policy.problem("30943_01", "đ".repeat(64))).isEmpty();
		assertThat(this.policy.problem("30943_01", "q".repeat(PasswordPolicy.MAX_LENGTH))).isEmpty();
	}

	@Test
	void problemWhenLongerThanTheMaximumThenRefused() {
		assertThat(this.policy.problem("30943_01", "q".repeat(PasswordPolicy.MAX_LENGTH + 1)))
			.hasValue("Mật khẩu mới: dài tối đa 128 ký tự.");
	}

	@Test
	void problemWhenAmongTheMostCommonPasswordsThenRefusedWhateverTheCase() {
		assertThat(this.policy.problem("30943_01", "password"))
			.hasValueSatisfying((problem) -> assertThat(problem).startsWith("Mật khẩu mới: đây là mật khẩu phổ biến"));
		assertThat(this.policy.problem("30943_01", "PassWord1")).isNotEmpty();
		assertThat(this.policy.problem("30943_01", "12345678")).isNotEmpty();
		assertThat(this.policy.problem("30943_01", "matkhau123")).isNotEmpty();
		assertThat(this.policy.problem("30943_01", PASSWORD)).as("the demo password").isNotEmpty();
		assertThat(this.policy.commonPasswordCount()).isGreaterThan(10_000);
	}

	@Test
	void problemWhenEqualToTheUsernameThenRefused() {
		assertThat(this.policy.problem("tinh_91_ag", "TINH_91_AG"))
			.hasValue("Mật khẩu mới: không được trùng với tên đăng nhập.");
	}

}
