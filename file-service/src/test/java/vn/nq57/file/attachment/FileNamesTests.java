package vn.nq57.file.attachment;

import java.text.Normalizer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FileNamesTests {

	@Test
	void sanitiseWhenNameCarriesAPathThenKeepsOnlyTheLastSegment() {
		assertThat(FileNames.sanitise("../../etc/passwd")).isEqualTo("passwd");
		assertThat(FileNames.sanitise("C:\\Users\\x\\Biên bản.pdf")).isEqualTo("Biên bản.pdf");
	}

	@Test
	void sanitiseWhenNameIsDecomposedThenStoresNfc() {
		String decomposed = Normalizer.normalize("Ảnh minh chứng.jpg", Normalizer.Form.NFD);

		String name = FileNames.sanitise(decomposed);

		assertThat(name).isEqualTo("Ảnh minh chứng.jpg");
		assertThat(Normalizer.isNormalized(name, Normalizer.Form.NFC)).isTrue();
	}

	@Test
	void sanitiseWhenNameHidesItsExtensionWithBidiOverrideThenRemovesTheOverride() {
		assertThat(FileNames.sanitise("anh\u202Egpj.exe")).isEqualTo("anhgpj.exe");
	}

	@Test
	void sanitiseWhenNameHasControlAndReservedCharactersThenDropsThem() {
		assertThat(FileNames.sanitise("a\u0000b<c>:d\"e|f?g*\r\n.pdf")).isEqualTo("abcdefg .pdf");
	}

	@Test
	void sanitiseWhenNothingPrintableIsLeftThenUsesFallback() {
		assertThat(FileNames.sanitise("...")).isEqualTo(FileNames.FALLBACK);
		assertThat(FileNames.sanitise(null)).isEqualTo(FileNames.FALLBACK);
		assertThat(FileNames.sanitise("   ")).isEqualTo(FileNames.FALLBACK);
	}

	@Test
	void sanitiseWhenNameIsTooLongThenTruncatesKeepingExtension() {
		String name = FileNames.sanitise("đ".repeat(400) + ".docx");

		assertThat(name).endsWith(".docx").hasSize(150);
	}

	@Test
	void attachmentDispositionWhenNameIsVietnameseThenHasAsciiFallbackAndRfc5987Name() {
		String header = FileNames.attachmentDisposition("Biên bản đợt 1.pdf");

		assertThat(header).isEqualTo("attachment; filename=\"Bien ban dot 1.pdf\"; "
				+ "filename*=UTF-8''Bi%C3%AAn%20b%E1%BA%A3n%20%C4%91%E1%BB%A3t%201.pdf");
	}

}
