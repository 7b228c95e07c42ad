package vn.nq57.identity.admin;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import vn.nq57.common.security.CurrentUser;

/**
 * The centre's administration of the unit tree ({@link UnitAdministration}) and its
 * history.
 */
@RestController
class UnitAdminController {

	private final UnitAdministration administration;

	private final UnitTree tree;

	UnitAdminController(UnitAdministration administration, UnitTree tree) {
		this.administration = administration;
		this.tree = tree;
	}

	@PostMapping("/api/admin/units/{code}/rename")
	@ResponseStatus(HttpStatus.CREATED)
	UnitAdministration.Result rename(CurrentUser caller, @PathVariable String code, @RequestBody RenameRequest body) {
		return this.administration.rename(caller, code, body.name(), body.unitType(), body.effectiveDate(),
				body.note());
	}

	@PostMapping("/api/admin/units/{code}/move")
	@ResponseStatus(HttpStatus.CREATED)
	UnitAdministration.Result move(CurrentUser caller, @PathVariable String code, @RequestBody MoveRequest body) {
		return this.administration.move(caller, code, body.provinceCode(), body.effectiveDate(), body.note());
	}

	@PostMapping("/api/admin/units/merge")
	@ResponseStatus(HttpStatus.CREATED)
	UnitAdministration.Result merge(CurrentUser caller, @RequestBody MergeRequest body) {
		return this.administration.merge(caller, body.sources(), body.target(), body.effectiveDate(), body.note());
	}

	@PostMapping("/api/admin/units/{code}/split")
	@ResponseStatus(HttpStatus.CREATED)
	UnitAdministration.Result split(CurrentUser caller, @PathVariable String code, @RequestBody SplitRequest body) {
		return this.administration.split(caller, code, body.successors(), body.effectiveDate(), body.note());
	}

	/**
	 * Every state the unit has had, oldest first (the centre, or the unit's province).
	 */
	@GetMapping("/api/admin/units/{code}/history")
	List<UnitTree.Version> history(CurrentUser caller, @PathVariable String code) {
		AdminScope.requireAdministrator(caller);
		List<UnitTree.Version> versions = this.tree.history(code.strip());
		if (versions.isEmpty()) {
			throw AdminError.UNIT_UNKNOWN.refuse("code", "Mã đơn vị (code)", code.strip());
		}
		if (!AdminScope.isCentre(caller)
				&& versions.stream().noneMatch((v) -> caller.unitCode().equals(v.provinceCode()))) {
			throw AdminError.UNIT_UNKNOWN.refuse("code", "Mã đơn vị (code)", code.strip());
		}
		return versions;
	}

	/** The centre's changes to the tree, newest first. */
	@GetMapping("/api/admin/unit-changes")
	Paging.Page<UnitTree.Change> changes(CurrentUser caller, @RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size) {
		AdminScope.requireAdministrator(caller);
		return this.tree.changes(Paging.of(page, size));
	}

	/**
	 * A rename.
	 *
	 * @param name the new name
	 * @param unitType the new type within the level, or none to keep it
	 * @param effectiveDate the day it takes effect (default today)
	 * @param note a note, e.g. the decision's number
	 */
	record RenameRequest(@Nullable String name, @Nullable String unitType, @Nullable LocalDate effectiveDate,
			@Nullable String note) {
	}

	/**
	 * A move to another province.
	 *
	 * @param provinceCode the province
	 * @param effectiveDate the day it takes effect (default today)
	 * @param note a note
	 */
	record MoveRequest(@Nullable String provinceCode, @Nullable LocalDate effectiveDate, @Nullable String note) {
	}

	/**
	 * A merge.
	 *
	 * @param sources the communes merged
	 * @param target the unit they become: a new code, or one of the sources
	 * @param effectiveDate the day it takes effect (default today)
	 * @param note a note
	 */
	record MergeRequest(@Nullable List<String> sources, UnitAdministration.@Nullable NewUnit target,
			@Nullable LocalDate effectiveDate, @Nullable String note) {
	}

	/**
	 * A split.
	 *
	 * @param successors the new communes
	 * @param effectiveDate the day it takes effect (default today)
	 * @param note a note
	 */
	record SplitRequest(@Nullable List<UnitAdministration.NewUnit> successors, @Nullable LocalDate effectiveDate,
			@Nullable String note) {
	}

}
