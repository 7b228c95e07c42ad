package vn.nq57.e2e;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The commune's entry both end-to-end roads type: the HTTP flow of
 * {@link DailyReportFlowTests} and the browser road of {@link BrowserFlowTests}.
 */
final class DailyEntry {

	private DailyEntry() {
	}

	/**
	 * A complete, valid entry of columns B–O of <em>Báo cáo hàng ngày cấp Xã</em>.
	 * @return a new mutable map, column letter to value, in column order
	 */
	static Map<String, String> unitValues() {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("B", "Đã hoàn thành");
		values.put("C", "Đã nhận đủ");
		values.put("D", "Tạm được");
		values.put("E", "Đã được cấp bổ sung");
		values.put("F", "Có");
		values.put("G", "Có");
		values.put("H", "Đã kiểm tra");
		values.put("I", "Đã đủ");
		values.put("J", "Đã gửi yêu cầu");
		values.put("K", "Đã đủ");
		values.put("L", "Đã niêm yết");
		values.put("M", "Đã triển khai");
		values.put("N", "Mạng chập chờn buổi sáng");
		values.put("O", "https://drive.google.com/drive/folders/nq57-long-thanh");
		return values;
	}

}
