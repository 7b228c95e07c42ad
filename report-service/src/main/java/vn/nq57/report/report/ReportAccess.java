package vn.nq57.report.report;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;

import vn.nq57.common.security.CurrentUser;
import vn.nq57.contracts.ReportState;
import vn.nq57.contracts.Role;
import vn.nq57.contracts.UnitLevel;
import vn.nq57.contracts.workflow.TransitionPolicy;
import vn.nq57.contracts.workflow.TransitionPolicy.Relation;
import vn.nq57.contracts.workflow.WorkflowAction;
import vn.nq57.report.template.FilledBy;
import vn.nq57.report.template.TemplateVersion;

/**
 * Who may see and change a report, from design.md's table: the unit's data entry fills
 * unit columns while ENTERING or RETURNED, its leader also while SUBMITTED, the
 * supervisor of the unit's province fills the province columns once APPROVED.
 */
final class ReportAccess {

	private ReportAccess() {
	}

	/**
	 * Whether the report is within the caller's scope.
	 * @param user the caller
	 * @param report the report
	 * @return true if the caller may see it
	 */
	static boolean canSee(CurrentUser user, ReportRow report) {
		return user.canSee(report.unitCode(), report.provinceCode());
	}

	/**
	 * How the caller relates to the report's unit.
	 * @param user the caller
	 * @param report the report
	 * @return the relation
	 */
	static Relation relation(CurrentUser user, ReportRow report) {
		if (user.unitLevel() == UnitLevel.COMMUNE && user.actsFor(report.unitCode())) {
			return Relation.OWN_UNIT;
		}
		if (user.unitLevel() == UnitLevel.PROVINCE && user.actsFor(report.provinceCode())) {
			return Relation.PROVINCE_OF_UNIT;
		}
		return Relation.OTHER;
	}

	/**
	 * The columns the caller may fill now.
	 * @param user the caller
	 * @param report the report
	 * @param template the report's template version
	 * @return the letters, in form order
	 */
	static Set<String> editableColumns(CurrentUser user, ReportRow report, TemplateVersion template) {
		Relation relation = relation(user, report);
		ReportState state = report.state();
		Set<String> letters = new LinkedHashSet<>();
		if (relation == Relation.OWN_UNIT && unitMayEdit(user, state)) {
			letters.addAll(template.lettersFilledBy(FilledBy.UNIT));
		}
		if (relation == Relation.PROVINCE_OF_UNIT && user.hasRole(Role.PROVINCE_SUPERVISOR)
				&& state == ReportState.APPROVED) {
			letters.addAll(template.lettersFilledBy(FilledBy.PROVINCE));
		}
		return letters;
	}

	/**
	 * Whether the caller may add or remove evidence files: whoever may fill the unit's
	 * columns now.
	 * @param user the caller
	 * @param report the report
	 * @return true if allowed
	 */
	static boolean canAttach(CurrentUser user, ReportRow report) {
		return relation(user, report) == Relation.OWN_UNIT && unitMayEdit(user, report.state());
	}

	/**
	 * The workflow actions the caller may take now, from {@link TransitionPolicy}.
	 * @param user the caller
	 * @param report the report
	 * @return the actions
	 */
	static Set<WorkflowAction> actions(CurrentUser user, ReportRow report) {
		Relation relation = relation(user, report);
		Set<WorkflowAction> actions = EnumSet.noneOf(WorkflowAction.class);
		for (Role role : user.roles()) {
			actions.addAll(TransitionPolicy.allowedActions(role, relation, report.state()));
		}
		return actions;
	}

	private static boolean unitMayEdit(CurrentUser user, ReportState state) {
		boolean entering = state == ReportState.ENTERING || state == ReportState.RETURNED;
		return (user.hasRole(Role.DATA_ENTRY) && entering)
				|| (user.hasRole(Role.LEADER) && (entering || state == ReportState.SUBMITTED));
	}

}
