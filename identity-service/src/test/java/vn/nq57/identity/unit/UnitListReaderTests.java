package vn.nq57.identity.unit;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;

import vn.nq57.contracts.UnitLevel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class UnitListReaderTests {

	private static final String HEADER = "province_code,province_name,province_type,unit_code,unit_name,unit_type\n";

	@Test
	void readWhenListValidThenReturnsProvincesThenCommunes() throws IOException {
		List<Unit> units = read(HEADER + "91,Tỉnh An Giang,tỉnh,30943,Xã Long Thạnh,xã\n"
				+ "01,Thành phố Hà Nội,thành phố trung ương,00004,Phường Ba Đình,phường\n"
				+ "91,Tỉnh An Giang,tỉnh,30944,\"Xã Thạnh, Mới\",xã\n");

		assertThat(units).extracting(Unit::code).containsExactly("91", "01", "30943", "00004", "30944");
		assertThat(units.get(0)).isEqualTo(new Unit("91", "Tỉnh An Giang", "tỉnh", UnitLevel.PROVINCE, "91", true));
		assertThat(units.get(2)).isEqualTo(new Unit("30943", "Xã Long Thạnh", "xã", UnitLevel.COMMUNE, "91", true));
		assertThat(units.get(4).name()).isEqualTo("Xã Thạnh, Mới");
	}

	@Test
	void readWhenNamesDecomposedThenStoresThemNfcNormalised() throws IOException {
		String decomposed = Normalizer.normalize("Xã Long Thạnh", Normalizer.Form.NFD);

		List<Unit> units = read(HEADER + "91,Tỉnh An Giang,tỉnh,30943," + decomposed + ",xã\n");

		assertThat(decomposed).isNotEqualTo("Xã Long Thạnh");
		assertThat(units.get(1).name()).isEqualTo("Xã Long Thạnh");
	}

	@Test
	void readWhenHeaderWrongThenNamesTheExpectedColumns() {
		assertThatExceptionOfType(UnitListException.class)
			.isThrownBy(() -> read("ma_tinh,ten_tinh\n91,Tỉnh An Giang\n"))
			.withMessageContaining("line 1")
			.withMessageContaining("province_code, province_name, province_type, unit_code, unit_name, unit_type");
	}

	@Test
	void readWhenCodesMalformedOrDuplicatedThenListsEveryLineAtFault() {
		UnitListException refused = catchThrowableOfType(UnitListException.class,
				() -> read(HEADER + "91,Tỉnh An Giang,tỉnh,30943,Xã Long Thạnh,xã\n"
						+ "9,Tỉnh An Giang,tỉnh,30945,Xã A,xã\n" + "91,Tỉnh An Giang,tỉnh,3094,Xã B,xã\n"
						+ "91,Tỉnh An Giang,tỉnh,30943,Xã Long Thạnh,xã\n" + "91,Tỉnh An Giang,tỉnh,30946,Xã C,thôn\n"
						+ "91,Tỉnh An Giang,tỉnh,30947,Xã D\n" + "91,Tỉnh Kiên Giang,tỉnh,30948,Xã E,xã\n"));

		assertThat(refused).isNotNull();
		assertThat(refused.problems()).containsExactly("line 3: province_code \"9\" is not 2 digits",
				"line 4: unit_code \"3094\" is not 5 digits", "line 5: unit_code 30943 duplicates line 2",
				"line 6: unit_type \"thôn\" is not one of [xã, phường, đặc khu]", "line 7: 5 columns; expected 6",
				"line 8: province 91 is \"Tỉnh Kiên Giang\" (tỉnh) but line 2 says \"Tỉnh An Giang\" (tỉnh)");
	}

	@Test
	void readWhenOnlyHeaderThenRefusesTheEmptyList() {
		assertThatExceptionOfType(UnitListException.class).isThrownBy(() -> read(HEADER))
			.withMessageContaining("no units");
	}

	@Test
	void readWhenOfficialListThenHoldsEveryProvinceAndCommune() {
		List<Unit> units = UnitListReader.read(new ClassPathResource("units/don-vi-hanh-chinh-2025.csv"));

		assertThat(units).filteredOn((unit) -> unit.level() == UnitLevel.PROVINCE).hasSize(34);
		assertThat(units).filteredOn((unit) -> unit.level() == UnitLevel.COMMUNE).hasSize(3321);
	}

	private static List<Unit> read(String csv) throws IOException {
		return UnitListReader.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "test.csv");
	}

}
