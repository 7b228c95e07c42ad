package vn.nq57.identity.cccd;

import java.time.Year;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CccdNumberTests {

	private static final Year NOW = Year.of(2026);

	@Test
	void problemWhenTwelveDigitsWithKnownProvinceAndPastBirthYearThenAccepted() {
		assertThat(CccdNumber.problem("001203012345", NOW)).isEmpty();
		assertThat(CccdNumber.problem("079 085 012 345", NOW)).isEmpty();
	}

	@Test
	void problemWhenElevenOrThirteenDigitsThenNamesTheFieldAndTheCount() {
		assertThat(CccdNumber.problem("00120301234", NOW))
			.hasValue("Số CCCD: phải gồm đúng 12 chữ số (bạn đã nhập 11 chữ số).");
		assertThat(CccdNumber.problem("0012030123456", NOW))
			.hasValue("Số CCCD: phải gồm đúng 12 chữ số (bạn đã nhập 13 chữ số).");
	}

	@Test
	void problemWhenLettersThenSaysDigitsOnly() {
		assertThat(CccdNumber.problem("00120301234A", NOW))
			.hasValue("Số CCCD: chỉ gồm chữ số, không có chữ cái hay ký hiệu.");
		assertThat(CccdNumber.problem("", NOW))
			.hasValueSatisfying((problem) -> assertThat(problem).startsWith("Số CCCD"));
	}

	@Test
	void problemWhenProvinceCodeOrBirthYearImpossibleThenRefused() {
		assertThat(CccdNumber.problem("003203012345", NOW))
			.hasValueSatisfying((problem) -> assertThat(problem).contains("3 chữ số đầu"));
		assertThat(CccdNumber.problem("001299012345", NOW))
			.hasValueSatisfying((problem) -> assertThat(problem).contains("năm sinh"));
	}

	@Test
	void maskedWhenShownThenKeepsOnlyTheEnds() {
		assertThat(CccdNumber.masked("001203012345")).isEqualTo("001******345");
	}

}
