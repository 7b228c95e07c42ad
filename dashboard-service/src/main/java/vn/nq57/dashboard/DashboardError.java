package vn.nq57.dashboard;

import org.springframework.http.HttpStatus;

import vn.nq57.common.web.ErrorCode;

/**
 * The {@code DSH-} error catalogue of dashboard-service. Codes are stable; messages are
 * Vietnamese and say what the user can do.
 */
public enum DashboardError implements ErrorCode {

	/** DSH-001: commune accounts have no dashboard. */
	COMMUNE_REFUSED("DSH-001", HttpStatus.FORBIDDEN,
			"Bảng theo dõi chỉ dành cho tài khoản cấp Tỉnh và Trung ương. Tài khoản cấp Xã xem báo cáo của mình ở mục Cập nhật dữ liệu."),

	/** DSH-002: a province asked for another province. */
	PROVINCE_OUT_OF_SCOPE("DSH-002", HttpStatus.FORBIDDEN,
			"Tài khoản của bạn chỉ được xem các xã thuộc tỉnh mình (tham số province)."),

	/** DSH-003: the period is not known to the dashboard. */
	PERIOD_NOT_FOUND("DSH-003", HttpStatus.NOT_FOUND, "Không tìm thấy kỳ dữ liệu này trên bảng theo dõi."),

	/** DSH-004: a query parameter is malformed; which one and what is allowed follows. */
	INVALID_PARAMETER("DSH-004", HttpStatus.BAD_REQUEST, "Tham số %s không hợp lệ: %s"),

	/** DSH-005: only the centre may run the reconciliation check. */
	CENTRE_ONLY("DSH-005", HttpStatus.FORBIDDEN, "Chỉ tài khoản cấp Trung ương được chạy đối soát số liệu."),

	/** DSH-006: report-service could not be asked for its counts. */
	OWNER_UNAVAILABLE("DSH-006", HttpStatus.SERVICE_UNAVAILABLE,
			"Không lấy được số liệu của dịch vụ báo cáo để đối soát. Vui lòng thử lại sau ít phút.");

	private final String code;

	private final HttpStatus status;

	private final String message;

	DashboardError(String code, HttpStatus status, String message) {
		this.code = code;
		this.status = status;
		this.message = message;
	}

	@Override
	public String code() {
		return this.code;
	}

	@Override
	public HttpStatus status() {
		return this.status;
	}

	@Override
	public String message() {
		return this.message;
	}

}
