package vn.nq57.identity.admin;

import java.util.List;

import org.springframework.http.HttpStatus;

import vn.nq57.common.web.ApiException;
import vn.nq57.common.web.ErrorCode;
import vn.nq57.common.web.FieldProblem;

/**
 * The administration part of identity-service's error catalogue ({@code IDN-020} to
 * {@code IDN-039}; {@link vn.nq57.identity.IdentityError} holds the rest). Codes are
 * stable; messages are Vietnamese and name the field at fault and what is allowed.
 */
public enum AdminError implements ErrorCode {

	/** IDN-020: the caller is neither the centre nor a province. */
	ADMINISTRATORS_ONLY("IDN-020", HttpStatus.FORBIDDEN,
			"Chức năng quản trị chỉ dành cho tài khoản của Trung ương và của Tỉnh/Thành phố."),

	/** IDN-021: only the centre may do this (the unit tree, the nation's passwords). */
	CENTRE_ONLY("IDN-021", HttpStatus.FORBIDDEN, "%s: chỉ tài khoản Trung ương được thực hiện thao tác này."),

	/** IDN-022: a paging or filter parameter is out of range or malformed. */
	PARAMETER_INVALID("IDN-022", HttpStatus.BAD_REQUEST, "Tham số %s: %s"),

	/** IDN-023: no unit has the code. */
	UNIT_UNKNOWN("IDN-023", HttpStatus.NOT_FOUND, "%s: không có đơn vị nào mang mã \"%s\"."),

	/** IDN-024: the unit no longer exists (dissolved by a merge or split). */
	UNIT_INACTIVE("IDN-024", HttpStatus.CONFLICT,
			"%s: đơn vị \"%s\" đã giải thể (sáp nhập hoặc chia tách), không thay đổi được nữa."),

	/** IDN-025: a unit name is missing, too short or too long. */
	UNIT_NAME_INVALID("IDN-025", HttpStatus.BAD_REQUEST,
			"%s: tên đơn vị phải có từ 2 đến 200 ký tự, ví dụ \"Xã Long Thạnh\"."),

	/** IDN-026: a unit type is not one the level allows. */
	UNIT_TYPE_INVALID("IDN-026", HttpStatus.BAD_REQUEST, "%s: \"%s\" không hợp lệ; chỉ được chọn %s."),

	/** IDN-027: a new unit code is not five digits. */
	UNIT_CODE_INVALID("IDN-027", HttpStatus.BAD_REQUEST, "%s: mã \"%s\" không hợp lệ; mã đơn vị cấp xã gồm 5 chữ số."),

	/** IDN-028: a new unit code is already used. */
	UNIT_CODE_TAKEN("IDN-028", HttpStatus.CONFLICT, "%s: mã \"%s\" đã được dùng cho một đơn vị khác."),

	/** IDN-029: only communes are merged, split or moved. */
	NOT_A_COMMUNE("IDN-029", HttpStatus.BAD_REQUEST,
			"%s: chỉ đơn vị cấp xã mới được sáp nhập, chia tách hoặc chuyển tỉnh; \"%s\" không phải đơn vị cấp xã."),

	/** IDN-030: a merge needs at least two distinct communes of one province. */
	MERGE_SOURCES_INVALID("IDN-030", HttpStatus.BAD_REQUEST,
			"Đơn vị sáp nhập (sources): cần ít nhất 2 mã đơn vị cấp xã khác nhau, cùng một tỉnh/thành phố."),

	/** IDN-031: a split needs at least two distinct new units. */
	SPLIT_SUCCESSORS_INVALID("IDN-031", HttpStatus.BAD_REQUEST,
			"Đơn vị mới (successors): cần ít nhất 2 đơn vị mới với mã khác nhau."),

	/** IDN-032: the province to move to is missing, unknown or the current one. */
	MOVE_TARGET_INVALID("IDN-032", HttpStatus.BAD_REQUEST,
			"Tỉnh/thành phố chuyển đến (provinceCode): \"%s\" không phải một tỉnh/thành phố khác đang hoạt động."),

	/** IDN-033: the role is not allowed for this account. */
	ROLE_NOT_ALLOWED("IDN-033", HttpStatus.BAD_REQUEST,
			"Vai trò (role): \"%s\" không được phép cho tài khoản này; chỉ được chọn %s."),

	/** IDN-034: an administrator cannot disable their own account. */
	SELF_DISABLE("IDN-034", HttpStatus.CONFLICT, "Tài khoản: không thể tự khóa tài khoản đang đăng nhập."),

	/** IDN-035: the account's unit was dissolved; it stays disabled. */
	ACCOUNT_OF_DISSOLVED_UNIT("IDN-035", HttpStatus.CONFLICT,
			"Tài khoản: \"%s\" thuộc đơn vị đã giải thể nên không mở lại được."),

	/** IDN-036: a required field of the body is missing. */
	FIELD_REQUIRED("IDN-036", HttpStatus.BAD_REQUEST, "%s: bắt buộc nhập."),

	/** IDN-037: a bulk issue found no account to issue a password to. */
	NOTHING_TO_ISSUE("IDN-037", HttpStatus.CONFLICT,
			"Phạm vi cấp mật khẩu (pendingOnly): không có tài khoản nào chưa đặt mật khẩu trong phạm vi này; "
					+ "chọn cấp lại cho mọi tài khoản nếu thật sự cần."),

	/** IDN-038: the role is not one of the system's roles. */
	ROLE_UNKNOWN("IDN-038", HttpStatus.BAD_REQUEST,
			"Vai trò (role): \"%s\" không phải vai trò của hệ thống (DATA_ENTRY, LEADER, PROVINCE_SUPERVISOR, ADMIN).");

	private final String code;

	private final HttpStatus status;

	private final String message;

	AdminError(String code, HttpStatus status, String message) {
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

	/**
	 * A refusal naming one field.
	 * @param field the field, as the API names it
	 * @param arguments the message's arguments
	 * @return the exception to throw
	 */
	public ApiException refuse(String field, Object... arguments) {
		return new ApiException(this, List.of(new FieldProblem(field, this.message.formatted(arguments))), arguments);
	}

}
