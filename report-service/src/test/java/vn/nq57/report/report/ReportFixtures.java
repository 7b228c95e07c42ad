package vn.nq57.report.report;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import vn.nq57.testsupport.TestTokens;

/**
 * Values and requests the report tests share.
 */
final class ReportFixtures {

	/** An internal call as workflow-service makes it. */
	static final String WORKFLOW = "Bearer " + TestTokens.serviceToken("workflow-service");

	private ReportFixtures() {
	}

	/**
	 * A valid value for every required unit column (B–M).
	 * @return the values by letter
	 */
	static Map<String, Object> requiredValues() {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("B", "Đã hoàn thành");
		values.put("C", "Đã nhận đủ");
		values.put("D", "Tốt");
		values.put("E", "Thiếu");
		values.put("F", "Có");
		values.put("G", "Không");
		values.put("H", "Đã kiểm tra");
		values.put("I", "Đã đủ");
		values.put("J", "Đã gửi yêu cầu");
		values.put("K", "Chưa đủ");
		values.put("L", "Đã niêm yết");
		values.put("M", "Đã triển khai");
		return values;
	}

	static Map<String, Object> save(long version, Map<String, Object> values) {
		return Map.of("version", version, "values", values);
	}

	static Map<String, Object> transition(UUID transitionId, String action, String from, String to) {
		return Map.of("transitionId", transitionId.toString(), "action", action, "fromState", from, "toState", to);
	}

}
