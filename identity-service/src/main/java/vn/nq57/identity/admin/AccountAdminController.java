package vn.nq57.identity.admin;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.nq57.common.security.CurrentUser;
import vn.nq57.contracts.UnitLevel;

/**
 * Account administration ({@link AccountAdministration}) and bulk provisioning
 * ({@link BulkProvisioning}) for the centre and the provinces.
 */
@RestController
class AccountAdminController {

	private static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final AccountAdministration administration;

	private final BulkProvisioning bulk;

	AccountAdminController(AccountAdministration administration, BulkProvisioning bulk) {
		this.administration = administration;
		this.bulk = bulk;
	}

	@GetMapping("/api/admin/accounts")
	ResponseEntity<Paging.Page<AccountRow>> accounts(CurrentUser caller,
			@RequestParam(required = false) @Nullable String province,
			@RequestParam(required = false) @Nullable String unit, @RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable String role,
			@RequestParam(required = false) @Nullable Boolean enabled,
			@RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size) {
		Paging.Page<AdminAccounts.Row> found = this.administration.search(caller, province, unit, q, role, enabled,
				Paging.of(page, size));
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.body(new Paging.Page<>(found.items().stream().map(AccountRow::of).toList(), found.page(), found.size(),
					found.total()));
	}

	@GetMapping("/api/admin/accounts/{username}")
	AccountRow account(CurrentUser caller, @PathVariable String username) {
		return AccountRow.of(this.administration.get(caller, username));
	}

	@PostMapping("/api/admin/accounts/{username}/enable")
	AccountRow enable(CurrentUser caller, @PathVariable String username) {
		return AccountRow.of(this.administration.setEnabled(caller, username, true));
	}

	@PostMapping("/api/admin/accounts/{username}/disable")
	AccountRow disable(CurrentUser caller, @PathVariable String username) {
		return AccountRow.of(this.administration.setEnabled(caller, username, false));
	}

	@PutMapping("/api/admin/accounts/{username}/role")
	AccountRow role(CurrentUser caller, @PathVariable String username, @RequestBody RoleRequest body) {
		return AccountRow.of(this.administration.setRole(caller, username, body.role()));
	}

	@PostMapping("/api/admin/accounts/{username}/initial-password")
	ResponseEntity<AccountAdministration.IssuedPassword> initialPassword(CurrentUser caller,
			@PathVariable String username) {
		return ResponseEntity.status(HttpStatus.CREATED)
			.cacheControl(CacheControl.noStore())
			.body(this.administration.issueInitialPassword(caller, username));
	}

	@PostMapping("/api/admin/accounts/{username}/cccd-unlink")
	AccountRow unlinkCccd(CurrentUser caller, @PathVariable String username) {
		return AccountRow.of(this.administration.unlinkCccd(caller, username));
	}

	/** Issues one-time passwords and answers the workbook, once. */
	@PostMapping("/api/admin/provisioning/sheets")
	ResponseEntity<byte[]> sheets(CurrentUser caller, @RequestBody(required = false) @Nullable SheetsRequest body) {
		SheetsRequest request = (body != null) ? body : new SheetsRequest(null, null, null);
		BulkProvisioning.Sheets sheets = this.bulk.issue(caller, request.province(),
				Boolean.TRUE.equals(request.nation()), !Boolean.FALSE.equals(request.pendingOnly()));
		return ResponseEntity.status(HttpStatus.CREATED)
			.cacheControl(CacheControl.noStore())
			.contentType(XLSX)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(sheets.fileName(), StandardCharsets.UTF_8)
						.build()
						.toString())
			.header("X-Accounts-Issued", String.valueOf(sheets.accounts()))
			.body(sheets.content());
	}

	/**
	 * The role to give.
	 *
	 * @param role DATA_ENTRY or LEADER for a commune account
	 */
	record RoleRequest(@Nullable String role) {
	}

	/**
	 * What a bulk issue covers.
	 *
	 * @param province the province (a province account: its own, the default)
	 * @param nation true for every province (centre only)
	 * @param pendingOnly only accounts that have not chosen their password yet (default
	 * true); false issues new passwords to every account in scope
	 */
	record SheetsRequest(@Nullable String province, @Nullable Boolean nation, @Nullable Boolean pendingOnly) {
	}

	/**
	 * An account in the administration list. No personal data: the holder's details are
	 * at {@code GET /api/accounts/{username}}.
	 *
	 * @param username the sign-in name
	 * @param role its role
	 * @param roleLabel the role in Vietnamese
	 * @param allowedRoles the roles it may be given
	 * @param enabled whether it may sign in
	 * @param mustSetPassword whether it still has to choose its password
	 * @param lastSignInAt its last form sign-in
	 * @param cccdLinked whether a CCCD is linked
	 * @param unitCode its unit
	 * @param unitName the unit's name
	 * @param unitLevel the unit's level
	 * @param provinceCode the unit's province
	 * @param unitActive whether the unit still exists
	 */
	record AccountRow(String username, String role, String roleLabel, List<String> allowedRoles, boolean enabled,
			boolean mustSetPassword, @Nullable Instant lastSignInAt, boolean cccdLinked, String unitCode,
			String unitName, UnitLevel unitLevel, @Nullable String provinceCode, boolean unitActive) {

		static AccountRow of(AdminAccounts.Row row) {
			return new AccountRow(row.username(), row.role().name(), row.role().label(),
					AccountAdministration.allowedRoles(row.unitLevel()).stream().map(Enum::name).toList(),
					row.enabled(), row.mustSetPassword(), row.lastSignInAt(), row.cccdLinked(), row.unitCode(),
					row.unitName(), row.unitLevel(), row.provinceCode(), row.unitActive());
		}

	}

}
