package vn.nq57.workflow.transition;

import java.text.Normalizer;

import org.junit.jupiter.api.Test;

import vn.nq57.common.web.ApiException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class MessageTextTest {

	@Test
	void normaliseWhenDecomposedThenComposedToNfc() {
		String decomposed = Normalizer.normalize("Trả lại vì thiếu cột Đ", Normalizer.Form.NFD);

		assertThat(MessageText.normalise(decomposed)).isEqualTo("Trả lại vì thiếu cột Đ").isNotEqualTo(decomposed);
	}

	@Test
	void normaliseWhenPaddedOrBlankThenTrimmedOrAbsent() {
		assertThat(MessageText.normalise("  Đồng ý \n")).isEqualTo("Đồng ý");
		assertThat(MessageText.normalise(" \t\n ")).isNull();
		assertThat(MessageText.normalise(null)).isNull();
	}

	@Test
	void normaliseWhenControlCharactersThenRemovedButLineBreaksAndTabsKept() {
		assertThat(MessageText.normalise("Dòng 1\r\nDòng\u0000 2\r\tcuối\u0007")).isEqualTo("Dòng 1\nDòng 2\n\tcuối");
	}

	@Test
	void normaliseWhenExactly2000CharactersThenKeptAndWhen2001ThenRefusedNamingTheField() {
		String atLimit = "😀".repeat(2000);

		assertThat(MessageText.normalise(atLimit)).isEqualTo(atLimit);
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> MessageText.normalise(atLimit + "a"))
			.satisfies((ex) -> {
				assertThat(ex.error().code()).isEqualTo("WFL-005");
				assertThat(ex.userMessage()).isEqualTo("Lời nhắn dài 2001 ký tự; tối đa 2000 ký tự. Vui lòng rút gọn.");
				assertThat(ex.fieldProblems()).singleElement()
					.satisfies((problem) -> assertThat(problem.field()).isEqualTo("message"));
			});
	}

}
