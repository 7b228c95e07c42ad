package vn.nq57.dashboard.board;

import org.jspecify.annotations.Nullable;

import vn.nq57.common.security.CurrentUser;
import vn.nq57.common.web.ApiException;
import vn.nq57.dashboard.DashboardError;

/**
 * Unit scope of the dashboard, enforced here because dashboard-service owns the read
 * model: the centre sees the nation (or any one province), a province only its own
 * communes, a commune nothing.
 */
final class ViewerScope {

	private ViewerScope() {
	}

	/**
	 * The province a request may read.
	 * @param user the signed-in account
	 * @param requested the {@code province} parameter, or {@code null}
	 * @return the province to read, or {@code null} for the nation (centre only)
	 * @throws ApiException DSH-001 for a commune, DSH-002 for another province, DSH-004
	 * for a malformed code
	 */
	static @Nullable String province(CurrentUser user, @Nullable String requested) {
		String province = (requested != null && !requested.isBlank()) ? requested.trim() : null;
		if (province != null && !province.matches("[0-9]{2}")) {
			throw new ApiException(DashboardError.INVALID_PARAMETER, "province", "mã tỉnh gồm 2 chữ số, ví dụ 91.");
		}
		return switch (user.unitLevel()) {
			case COMMUNE -> throw new ApiException(DashboardError.COMMUNE_REFUSED);
			case PROVINCE -> {
				if (province != null && !province.equals(user.unitCode())) {
					throw new ApiException(DashboardError.PROVINCE_OUT_OF_SCOPE);
				}
				yield user.unitCode();
			}
			case CENTRAL -> province;
		};
	}

	/**
	 * Refuses commune accounts.
	 * @param user the signed-in account
	 */
	static void requireSupervisor(CurrentUser user) {
		province(user, null);
	}

}
