package vn.nq57.gateway.routing;

/**
 * The services behind the gateway, with the Vietnamese name an official sees when one of
 * them is unavailable.
 */
enum Backend {

	/** identity-service: sign-in, accounts and units. */
	IDENTITY("identity", "Dịch vụ đăng nhập"),

	/** report-service: templates, periods and report data. */
	REPORT("report", "Dịch vụ báo cáo"),

	/** workflow-service: submit, approve, return and history. */
	WORKFLOW("workflow", "Dịch vụ quy trình duyệt"),

	/** file-service: evidence attachments. */
	FILE("file", "Dịch vụ tệp đính kèm"),

	/** export-service: Excel download and import. */
	EXPORT("export", "Dịch vụ xuất nhập Excel"),

	/** dashboard-service: live province and national dashboards. */
	DASHBOARD("dashboard", "Dịch vụ bảng theo dõi");

	private final String id;

	private final String displayName;

	Backend(String id, String displayName) {
		this.id = id;
		this.displayName = displayName;
	}

	/**
	 * The route and circuit-breaker id, also the key under {@code nq57.gateway.backends}.
	 * @return the id
	 */
	String id() {
		return this.id;
	}

	/**
	 * The part's name in Vietnamese, as problem details name it.
	 * @return the name
	 */
	String displayName() {
		return this.displayName;
	}

}
