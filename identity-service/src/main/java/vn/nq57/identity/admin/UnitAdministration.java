package vn.nq57.identity.admin;

import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.nq57.common.outbox.OutboxWriter;
import vn.nq57.common.security.CurrentUser;
import vn.nq57.contracts.UnitLevel;
import vn.nq57.contracts.identity.UnitChanged;
import vn.nq57.contracts.identity.UnitRegistered;
import vn.nq57.identity.account.AccountProvisioner;
import vn.nq57.identity.audit.AuditAction;
import vn.nq57.identity.audit.AuditLog;
import vn.nq57.identity.unit.Unit;

/**
 * The centre's changes to the unit tree: rename, move a commune to another province,
 * merge communes (into a new unit, or one absorbing the others), split a commune into new
 * ones. Each is one transaction that records the change ({@code unit_change}), keeps the
 * history ({@code unit_version}, by trigger), publishes {@link UnitChanged} and the new
 * state of every unit concerned as {@link UnitRegistered} through the outbox, disables
 * (and signs out) the accounts of dissolved units, issues accounts to new units, and
 * writes the audit log. Anything invalid is refused before anything is written.
 */
@Service
public class UnitAdministration {

	private static final Logger logger = LoggerFactory.getLogger(UnitAdministration.class);

	private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	private static final List<String> COMMUNE_TYPES = List.of("xã", "phường", "đặc khu");

	private static final List<String> PROVINCE_TYPES = List.of("tỉnh", "thành phố trung ương");

	private final UnitTree tree;

	private final AdminAccounts accounts;

	private final AccountProvisioner provisioner;

	private final OutboxWriter outbox;

	private final AuditLog audit;

	private final Clock clock;

	UnitAdministration(UnitTree tree, AdminAccounts accounts, AccountProvisioner provisioner, OutboxWriter outbox,
			AuditLog audit, Clock clock) {
		this.tree = tree;
		this.accounts = accounts;
		this.provisioner = provisioner;
		this.outbox = outbox;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * A new unit as a merge or split names it.
	 *
	 * @param code the new unit's code (5 digits), or for a merge an existing source
	 * @param name its name
	 * @param unitType xã, phường or đặc khu
	 */
	public record NewUnit(@Nullable String code, @Nullable String name, @Nullable String unitType) {
	}

	/**
	 * What a change did.
	 *
	 * @param changeId its id
	 * @param kind RENAMED, MOVED, MERGED or SPLIT
	 * @param predecessorCodes the units it started from
	 * @param successorCodes the units it left
	 * @param effectiveDate the day it takes effect
	 * @param disabledAccounts the accounts disabled with their dissolved units
	 * @param createdAccounts how many accounts were issued to new units
	 */
	public record Result(UUID changeId, String kind, List<String> predecessorCodes, List<String> successorCodes,
			LocalDate effectiveDate, List<String> disabledAccounts, int createdAccounts) {
	}

	/**
	 * Renames a unit (and, optionally, changes its type within its level).
	 * @param caller the centre
	 * @param code the unit
	 * @param name the new name
	 * @param unitType the new type, or {@code null} to keep it
	 * @param effectiveDate the day it takes effect; today when {@code null}
	 * @param note a note, e.g. the decision's number
	 * @return what was done
	 */
	@Transactional
	public Result rename(CurrentUser caller, String code, @Nullable String name, @Nullable String unitType,
			@Nullable LocalDate effectiveDate, @Nullable String note) {
		AdminScope.requireCentre(caller, "Đổi tên đơn vị");
		this.tree.lock();
		Unit unit = active("code", code);
		String newName = name("name", name);
		String newType = (unitType == null || unitType.isBlank()) ? unit.unitType()
				: type("unitType", unitType, unit.level());
		Unit renamed = new Unit(unit.code(), newName, newType, unit.level(), unit.provinceCode(), true);
		return apply(caller, "RENAMED", AuditAction.UNIT_RENAMED, List.of(unit), List.of(renamed), effectiveDate, note,
				unit.name() + " -> " + newName);
	}

	/**
	 * Moves a commune to another province; its accounts move with it.
	 * @param caller the centre
	 * @param code the commune
	 * @param provinceCode the province it moves to
	 * @param effectiveDate the day it takes effect; today when {@code null}
	 * @param note a note
	 * @return what was done
	 */
	@Transactional
	public Result move(CurrentUser caller, String code, @Nullable String provinceCode,
			@Nullable LocalDate effectiveDate, @Nullable String note) {
		AdminScope.requireCentre(caller, "Chuyển đơn vị sang tỉnh khác");
		this.tree.lock();
		Unit unit = commune("code", code);
		String target = (provinceCode != null) ? provinceCode.strip() : "";
		Unit province = this.tree.find(target)
			.filter((found) -> found.level() == UnitLevel.PROVINCE && found.active())
			.filter((found) -> !found.code().equals(unit.provinceCode()))
			.orElseThrow(() -> AdminError.MOVE_TARGET_INVALID.refuse("provinceCode", target));
		Unit moved = new Unit(unit.code(), unit.name(), unit.unitType(), unit.level(), province.code(), true);
		return apply(caller, "MOVED", AuditAction.UNIT_MOVED, List.of(unit), List.of(moved), effectiveDate, note,
				unit.provinceCode() + " -> " + province.code());
	}

	/**
	 * Merges communes of one province: into a new unit (C = A + B), or into one of them
	 * (A absorbed into B) when the target's code is one of the sources.
	 * @param caller the centre
	 * @param sources the communes merged
	 * @param target the unit they become
	 * @param effectiveDate the day it takes effect; today when {@code null}
	 * @param note a note
	 * @return what was done
	 */
	@Transactional
	public Result merge(CurrentUser caller, @Nullable List<String> sources, @Nullable NewUnit target,
			@Nullable LocalDate effectiveDate, @Nullable String note) {
		AdminScope.requireCentre(caller, "Sáp nhập đơn vị");
		this.tree.lock();
		Set<String> codes = new LinkedHashSet<>();
		for (String source : (sources != null) ? sources : List.<String>of()) {
			codes.add((source != null) ? source.strip() : "");
		}
		if (codes.size() < 2) {
			throw AdminError.MERGE_SOURCES_INVALID.refuse("sources");
		}
		List<Unit> merged = new ArrayList<>();
		for (String code : codes) {
			merged.add(commune("sources", code));
		}
		String province = merged.get(0).provinceCode();
		if (merged.stream().anyMatch((unit) -> !unit.provinceCode().equals(province))) {
			throw AdminError.MERGE_SOURCES_INVALID.refuse("sources");
		}
		if (target == null) {
			throw AdminError.FIELD_REQUIRED.refuse("target", "Đơn vị sau sáp nhập (target)");
		}
		String targetCode = (target.code() != null) ? target.code().strip() : "";
		List<Unit> after = new ArrayList<>();
		Unit successor;
		if (codes.contains(targetCode)) {
			Unit absorbing = merged.stream().filter((unit) -> unit.code().equals(targetCode)).findFirst().orElseThrow();
			String newName = (target.name() == null || target.name().isBlank()) ? absorbing.name()
					: name("target.name", target.name());
			String newType = (target.unitType() == null || target.unitType().isBlank()) ? absorbing.unitType()
					: type("target.unitType", target.unitType(), UnitLevel.COMMUNE);
			successor = new Unit(targetCode, newName, newType, UnitLevel.COMMUNE, province, true);
		}
		else {
			successor = newCommune("target", target, province);
		}
		after.add(successor);
		for (Unit unit : merged) {
			if (!unit.code().equals(successor.code())) {
				after.add(dissolved(unit));
			}
		}
		return apply(caller, "MERGED", AuditAction.UNITS_MERGED, merged, after, effectiveDate, note,
				String.join(" + ", codes) + " -> " + successor.code());
	}

	/**
	 * Splits a commune into new communes of the same province.
	 * @param caller the centre
	 * @param code the commune split
	 * @param successors the new communes (at least two)
	 * @param effectiveDate the day it takes effect; today when {@code null}
	 * @param note a note
	 * @return what was done
	 */
	@Transactional
	public Result split(CurrentUser caller, String code, @Nullable List<NewUnit> successors,
			@Nullable LocalDate effectiveDate, @Nullable String note) {
		AdminScope.requireCentre(caller, "Chia tách đơn vị");
		this.tree.lock();
		Unit unit = commune("code", code);
		List<NewUnit> listed = (successors != null) ? successors : List.of();
		Set<String> codes = new LinkedHashSet<>();
		listed.forEach((successor) -> codes
			.add((successor != null && successor.code() != null) ? successor.code().strip() : ""));
		if (listed.size() < 2 || codes.size() != listed.size()) {
			throw AdminError.SPLIT_SUCCESSORS_INVALID.refuse("successors");
		}
		List<Unit> after = new ArrayList<>();
		for (int i = 0; i < listed.size(); i++) {
			after.add(newCommune("successors[" + i + "]", listed.get(i), unit.provinceCode()));
		}
		after.add(dissolved(unit));
		return apply(caller, "SPLIT", AuditAction.UNIT_SPLIT, List.of(unit), after, effectiveDate, note,
				unit.code() + " -> " + String.join(" + ", codes));
	}

	private Result apply(CurrentUser caller, String kind, AuditAction action, List<Unit> before, List<Unit> after,
			@Nullable LocalDate effectiveDate, @Nullable String note, String detail) {
		LocalDate effective = (effectiveDate != null) ? effectiveDate : LocalDate.now(this.clock.withZone(VIETNAM));
		String cleanNote = (note == null || note.isBlank()) ? null : clip(note.strip(), 500);
		UUID changeId = UUID.randomUUID();
		List<String> predecessors = before.stream().map(Unit::code).toList();
		List<String> successors = after.stream().filter(Unit::active).map(Unit::code).toList();

		this.tree.begin(changeId, kind, predecessors, successors, effective, cleanNote, caller.username());
		after.forEach(this.tree::save);
		List<String> dissolved = after.stream().filter((unit) -> !unit.active()).map(Unit::code).toList();
		List<String> disabled = this.accounts.disableAccountsOf(dissolved);
		disabled.forEach(this.accounts::endSessions);

		this.outbox.publish(new UnitChanged(changeId, kind, predecessors, successors, effective));
		this.outbox.publishAll(after.stream()
			.map((unit) -> new UnitRegistered(unit.code(), unit.name(), unit.unitType(), unit.level(),
					unit.provinceCode(), unit.active()))
			.toList());
		int created = this.provisioner.provision();

		Unit first = after.get(0);
		this.audit.record(action, caller.username(), null, first.code(), first.provinceCode(),
				clip(detail + " (" + effective + ")", 500));
		for (String username : disabled) {
			this.audit.account(AuditAction.ACCOUNT_DISABLED, caller.username(), username, "UNIT_DISSOLVED");
		}
		logger.info("Account {} applied unit change {} ({}): {}; {} accounts disabled, {} created", caller.username(),
				changeId, kind, detail, disabled.size(), created);
		return new Result(changeId, kind, predecessors, successors, effective, disabled, created);
	}

	private Unit newCommune(String field, NewUnit requested, @Nullable String province) {
		String code = (requested.code() != null) ? requested.code().strip() : "";
		if (!code.matches("\\d{5}")) {
			throw AdminError.UNIT_CODE_INVALID.refuse(field + ".code", field + ".code", code);
		}
		if (this.tree.find(code).isPresent()) {
			throw AdminError.UNIT_CODE_TAKEN.refuse(field + ".code", field + ".code", code);
		}
		return new Unit(code, name(field + ".name", requested.name()),
				type(field + ".unitType", requested.unitType(), UnitLevel.COMMUNE), UnitLevel.COMMUNE, province, true);
	}

	private Unit active(String field, String code) {
		Unit unit = this.tree.find(code.strip())
			.orElseThrow(() -> AdminError.UNIT_UNKNOWN.refuse(field, field, code.strip()));
		if (!unit.active()) {
			throw AdminError.UNIT_INACTIVE.refuse(field, field, unit.code());
		}
		return unit;
	}

	private Unit commune(String field, String code) {
		Unit unit = active(field, code);
		if (unit.level() != UnitLevel.COMMUNE) {
			throw AdminError.NOT_A_COMMUNE.refuse(field, field, unit.code());
		}
		return unit;
	}

	private static Unit dissolved(Unit unit) {
		return new Unit(unit.code(), unit.name(), unit.unitType(), unit.level(), unit.provinceCode(), false);
	}

	private static String name(String field, @Nullable String typed) {
		String name = (typed != null) ? Normalizer.normalize(typed.strip().replaceAll("\\s+", " "), Normalizer.Form.NFC)
				: "";
		if (name.length() < 2 || name.length() > 200) {
			throw AdminError.UNIT_NAME_INVALID.refuse(field, field);
		}
		return name;
	}

	private static String type(String field, @Nullable String typed, UnitLevel level) {
		List<String> allowed = switch (level) {
			case COMMUNE -> COMMUNE_TYPES;
			case PROVINCE -> PROVINCE_TYPES;
			case CENTRAL -> List.of("trung ương");
		};
		String type = (typed != null) ? Normalizer.normalize(typed.strip(), Normalizer.Form.NFC) : "";
		if (!allowed.contains(type)) {
			throw AdminError.UNIT_TYPE_INVALID.refuse(field, field, type, String.join(", ", allowed));
		}
		return type;
	}

	private static String clip(String text, int max) {
		return (text.length() > max) ? text.substring(0, max) : text;
	}

}
