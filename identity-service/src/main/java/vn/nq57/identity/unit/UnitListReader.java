package vn.nq57.identity.unit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.core.io.Resource;

import vn.nq57.contracts.UnitLevel;

/**
 * Reads and validates the official list of administrative units (one CSV row per commune
 * with its province, UTF-8, header
 * {@code province_code,province_name,province_type,unit_code,unit_name,unit_type}). Every
 * problem is collected with its line number before anything is loaded, so a bad file is
 * refused as a whole.
 */
final class UnitListReader {

	static final List<String> HEADER = List.of("province_code", "province_name", "province_type", "unit_code",
			"unit_name", "unit_type");

	private static final List<String> PROVINCE_TYPES = List.of("tỉnh", "thành phố trung ương");

	private static final List<String> COMMUNE_TYPES = List.of("xã", "phường", "đặc khu");

	private static final Pattern PROVINCE_CODE = Pattern.compile("\\d{2}");

	private static final Pattern COMMUNE_CODE = Pattern.compile("\\d{5}");

	/**
	 * Beyond this many problems the file is clearly the wrong one; listing more helps
	 * nobody.
	 */
	private static final int MAX_PROBLEMS = 50;

	private UnitListReader() {
	}

	/**
	 * Reads the list.
	 * @param resource the CSV file
	 * @return the provinces (in order of first appearance) followed by the communes (in
	 * file order); the centre is not part of the file
	 * @throws UnitListException if the file is malformed
	 */
	static List<Unit> read(Resource resource) {
		try (InputStream in = resource.getInputStream()) {
			return read(in, resource.getDescription());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the unit list " + resource.getDescription(), ex);
		}
	}

	static List<Unit> read(InputStream in, String source) throws IOException {
		BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
		List<String> problems = new ArrayList<>();
		Map<String, Unit> provinces = new LinkedHashMap<>();
		Map<String, Integer> provinceLines = new HashMap<>();
		Map<String, Unit> communes = new LinkedHashMap<>();
		Map<String, Integer> communeLines = new HashMap<>();

		String headerLine = reader.readLine();
		if (headerLine == null) {
			throw new UnitListException(source, List.of("line 1: the file is empty; expected the header " + HEADER));
		}
		List<String> header = split(stripBom(headerLine)).stream().map(String::strip).toList();
		if (!header.equals(HEADER)) {
			throw new UnitListException(source, List.of("line 1: header is " + header + "; expected " + HEADER));
		}

		String line;
		int lineNumber = 1;
		while ((line = reader.readLine()) != null && problems.size() < MAX_PROBLEMS) {
			lineNumber++;
			if (line.isBlank()) {
				continue;
			}
			List<String> fields = split(line).stream().map(UnitListReader::clean).toList();
			if (fields.size() != HEADER.size()) {
				problems.add("line " + lineNumber + ": " + fields.size() + " columns; expected " + HEADER.size());
				continue;
			}
			Unit province = new Unit(fields.get(0), fields.get(1), fields.get(2), UnitLevel.PROVINCE, fields.get(0),
					true);
			Unit commune = new Unit(fields.get(3), fields.get(4), fields.get(5), UnitLevel.COMMUNE, fields.get(0),
					true);
			int problemsBefore = problems.size();
			check(problems, lineNumber, province, commune);
			if (problems.size() > problemsBefore) {
				continue;
			}
			Unit knownProvince = provinces.putIfAbsent(province.code(), province);
			provinceLines.putIfAbsent(province.code(), lineNumber);
			if (knownProvince != null && !knownProvince.equals(province)) {
				problems.add("line " + lineNumber + ": province " + province.code() + " is \"" + province.name()
						+ "\" (" + province.unitType() + ") but line " + provinceLines.get(province.code()) + " says \""
						+ knownProvince.name() + "\" (" + knownProvince.unitType() + ")");
			}
			Integer firstLine = communeLines.putIfAbsent(commune.code(), lineNumber);
			if (firstLine != null) {
				problems.add("line " + lineNumber + ": unit_code " + commune.code() + " duplicates line " + firstLine);
				continue;
			}
			communes.put(commune.code(), commune);
		}
		if (problems.isEmpty() && communes.isEmpty()) {
			problems.add("the file has a header but no units");
		}
		for (String code : provinces.keySet()) {
			if (communes.containsKey(code)) {
				problems.add("code " + code + " is used both for a province and a commune");
			}
		}
		if (!problems.isEmpty()) {
			throw new UnitListException(source, problems);
		}
		List<Unit> units = new ArrayList<>(provinces.size() + communes.size());
		units.addAll(provinces.values());
		units.addAll(communes.values());
		return units;
	}

	private static void check(List<String> problems, int line, Unit province, Unit commune) {
		if (!PROVINCE_CODE.matcher(province.code()).matches()) {
			problems.add("line " + line + ": province_code \"" + province.code() + "\" is not 2 digits");
		}
		if (province.name().isEmpty()) {
			problems.add("line " + line + ": province_name is empty");
		}
		if (!PROVINCE_TYPES.contains(province.unitType())) {
			problems.add(
					"line " + line + ": province_type \"" + province.unitType() + "\" is not one of " + PROVINCE_TYPES);
		}
		if (!COMMUNE_CODE.matcher(commune.code()).matches()) {
			problems.add("line " + line + ": unit_code \"" + commune.code() + "\" is not 5 digits");
		}
		if (commune.name().isEmpty()) {
			problems.add("line " + line + ": unit_name is empty");
		}
		if (!COMMUNE_TYPES.contains(commune.unitType())) {
			problems.add("line " + line + ": unit_type \"" + commune.unitType() + "\" is not one of " + COMMUNE_TYPES);
		}
	}

	/**
	 * Trims and NFC-normalises, so "Thạnh" typed with combining marks equals the
	 * precomposed form.
	 */
	static String clean(String value) {
		return Normalizer.normalize(value.strip(), Normalizer.Form.NFC);
	}

	private static String stripBom(String line) {
		return (!line.isEmpty() && line.charAt(0) == '\uFEFF') ? line.substring(1) : line;
	}

	/** Splits one CSV line (RFC 4180 quoting, no line breaks inside fields). */
	static List<String> split(String line) {
		List<String> fields = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
					field.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					field.append(c);
				}
			}
			else if (c == '"') {
				quoted = true;
			}
			else if (c == ',') {
				fields.add(field.toString());
				field.setLength(0);
			}
			else {
				field.append(c);
			}
		}
		fields.add(field.toString());
		return fields;
	}

}
