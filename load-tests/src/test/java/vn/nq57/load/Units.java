package vn.nq57.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The communes of the official list identity-service loads, as feeder records.
 */
final class Units {

	private Units() {
	}

	/**
	 * The communes taking part: all of them, or {@code limit} spread evenly over the list
	 * (so over the provinces).
	 * @param limit how many; 0 for all
	 * @return one map per commune: {@code unit}, {@code province}
	 */
	static List<Map<String, Object>> communes(int limit) {
		List<Map<String, Object>> all = new ArrayList<>();
		try {
			List<String> lines = Files.readAllLines(LoadSettings.unitsCsv(), StandardCharsets.UTF_8);
			for (String line : lines.subList(1, lines.size())) {
				String[] cells = line.split(",");
				if (cells.length >= 4 && !cells[3].isBlank()) {
					Map<String, Object> commune = new LinkedHashMap<>();
					commune.put("unit", cells[3].trim());
					commune.put("province", cells[0].trim());
					all.add(commune);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		if (limit <= 0 || limit >= all.size()) {
			return all;
		}
		List<Map<String, Object>> chosen = new ArrayList<>();
		double step = (double) all.size() / limit;
		for (int i = 0; i < limit; i++) {
			chosen.add(all.get((int) (i * step)));
		}
		return chosen;
	}

	/**
	 * The provinces of some communes, in order of first appearance.
	 * @param communes the communes
	 * @return province codes
	 */
	static List<String> provinces(List<Map<String, Object>> communes) {
		return communes.stream().map((commune) -> (String) commune.get("province")).distinct().toList();
	}

}
