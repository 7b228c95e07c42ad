package vn.nq57.identity.admin;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.nq57.common.security.CurrentUser;
import vn.nq57.identity.audit.AuditAction;
import vn.nq57.identity.audit.AuditLog;

/**
 * Bulk provisioning: one-time initial passwords for every account of a province (a
 * province: its communes' accounts; the centre: the province's own account too) or of the
 * nation (centre only), handed out as an .xlsx workbook with one sheet per province
 * (username, unit, role, one-time password). The passwords exist in clear only in that
 * workbook, produced once in the answer: the database keeps their bcrypt hashes, the
 * accounts must change them at the next sign-in, and nothing of them is logged.
 */
@Service
public class BulkProvisioning {

	private static final Logger logger = LoggerFactory.getLogger(BulkProvisioning.class);

	static final String NOTICE = "Mật khẩu dùng một lần: chỉ dùng cho lần đăng nhập đầu tiên, hệ thống bắt buộc đổi "
			+ "mật khẩu ngay. Bảng này chỉ được tạo một lần và không lưu ở đâu khác: giao tận tay từng đơn vị, "
			+ "giữ kín, hủy sau khi giao.";

	private final AdminAccounts accounts;

	private final OneTimePasswords passwords;

	private final AuditLog audit;

	private final JdbcClient jdbc;

	BulkProvisioning(AdminAccounts accounts, OneTimePasswords passwords, AuditLog audit, JdbcClient jdbc) {
		this.accounts = accounts;
		this.passwords = passwords;
		this.audit = audit;
		this.jdbc = jdbc;
	}

	/**
	 * The workbook of one issue.
	 *
	 * @param fileName its file name
	 * @param content the .xlsx bytes
	 * @param accounts how many accounts got a password
	 */
	public record Sheets(String fileName, byte[] content, int accounts) {
	}

	/**
	 * Issues one-time passwords and builds the workbook.
	 * @param caller the centre or a province
	 * @param province the province, or {@code null} with {@code nation} for the nation
	 * @param nation whether the whole nation is meant (centre only)
	 * @param pendingOnly only accounts that have not chosen their password yet
	 * @return the workbook
	 */
	@Transactional
	public Sheets issue(CurrentUser caller, @Nullable String province, boolean nation, boolean pendingOnly) {
		AdminScope.requireAdministrator(caller);
		long started = System.nanoTime();
		String scope;
		if (nation) {
			AdminScope.requireCentre(caller, "Cấp mật khẩu cho toàn quốc (nation)");
			scope = null;
		}
		else {
			if (AdminScope.isCentre(caller) && (province == null || province.isBlank())) {
				throw AdminError.FIELD_REQUIRED.refuse("province", "Tỉnh/thành phố (province)");
			}
			scope = AdminScope.provinceOf(caller, (province != null && !province.isBlank()) ? province.strip() : null);
			if (this.jdbc.sql("select count(*) from unit where code = :code and level = 'PROVINCE' and active")
				.param("code", scope)
				.query(Integer.class)
				.single() == 0) {
				throw AdminError.UNIT_UNKNOWN.refuse("province", "Tỉnh/thành phố (province)", scope);
			}
		}
		List<AdminAccounts.Row> rows = this.accounts.forBulk(scope, !AdminScope.isCentre(caller), pendingOnly);
		if (rows.isEmpty()) {
			throw AdminError.NOTHING_TO_ISSUE.refuse("pendingOnly");
		}

		List<String> plain = new ArrayList<>(rows.size());
		rows.forEach((row) -> plain.add(this.passwords.generate()));
		List<String> usernames = rows.stream().map(AdminAccounts.Row::username).toList();
		this.accounts.setOneTimePasswords(usernames, this.passwords.hashAll(plain));
		usernames.forEach(this.accounts::endSessions);

		Map<String, List<Integer>> byProvince = new LinkedHashMap<>();
		for (int i = 0; i < rows.size(); i++) {
			byProvince.computeIfAbsent(rows.get(i).provinceCode(), (key) -> new ArrayList<>()).add(i);
		}
		for (Map.Entry<String, List<Integer>> entry : byProvince.entrySet()) {
			UUID batch = UUID.randomUUID();
			this.accounts.recordBatch(batch, entry.getKey(), entry.getValue().size(), caller.username());
			this.audit.record(AuditAction.BULK_PASSWORDS_ISSUED, caller.username(), null, entry.getKey(),
					entry.getKey(), entry.getValue().size() + " accounts" + (pendingOnly ? " (pending only)" : ""));
		}
		byte[] content = workbook(rows, plain, byProvince);
		logger.info("Account {} issued one-time initial passwords to {} accounts of {} in {} ms", caller.username(),
				rows.size(), (scope != null) ? "province " + scope : "the nation",
				(System.nanoTime() - started) / 1_000_000);
		String name = "mat-khau-ban-dau-" + ((scope != null) ? "tinh-" + scope : "toan-quoc") + ".xlsx";
		return new Sheets(name, content, rows.size());
	}

	private byte[] workbook(List<AdminAccounts.Row> rows, List<String> plain, Map<String, List<Integer>> byProvince) {
		Map<String, String> provinceNames = new LinkedHashMap<>();
		this.jdbc.sql("select code, name from unit where level = 'PROVINCE'")
			.query((rs, rowNum) -> provinceNames.put(rs.getString("code"), rs.getString("name")))
			.list();
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			CellStyle bold = workbook.createCellStyle();
			Font font = workbook.createFont();
			font.setBold(true);
			bold.setFont(font);
			for (Map.Entry<String, List<Integer>> entry : byProvince.entrySet()) {
				String provinceName = provinceNames.getOrDefault(entry.getKey(), "");
				Sheet sheet = workbook
					.createSheet(WorkbookUtil.createSafeSheetName(entry.getKey() + " " + provinceName));
				sheet.createRow(0).createCell(0).setCellValue(provinceName + " (mã " + entry.getKey() + ")");
				sheet.getRow(0).getCell(0).setCellStyle(bold);
				sheet.createRow(1).createCell(0).setCellValue(NOTICE);
				Row header = sheet.createRow(3);
				String[] titles = { "Tên đăng nhập", "Mã đơn vị", "Đơn vị", "Vai trò", "Mật khẩu dùng một lần" };
				for (int c = 0; c < titles.length; c++) {
					header.createCell(c).setCellValue(titles[c]);
					header.getCell(c).setCellStyle(bold);
				}
				int r = 4;
				for (int i : entry.getValue()) {
					AdminAccounts.Row account = rows.get(i);
					Row row = sheet.createRow(r++);
					row.createCell(0).setCellValue(account.username());
					row.createCell(1).setCellValue(account.unitCode());
					row.createCell(2).setCellValue(account.unitName());
					row.createCell(3).setCellValue(account.role().label());
					row.createCell(4).setCellValue(plain.get(i));
				}
				sheet.createFreezePane(0, 4);
				sheet.setColumnWidth(0, 18 * 256);
				sheet.setColumnWidth(1, 11 * 256);
				sheet.setColumnWidth(2, 36 * 256);
				sheet.setColumnWidth(3, 24 * 256);
				sheet.setColumnWidth(4, 22 * 256);
			}
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
