package vn.nq57.workflow.transition;

import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import vn.nq57.common.security.CurrentUser;
import vn.nq57.common.web.ApiException;
import vn.nq57.contracts.ReportState;
import vn.nq57.contracts.Role;
import vn.nq57.contracts.workflow.TransitionPolicy;
import vn.nq57.contracts.workflow.TransitionPolicy.Relation;
import vn.nq57.contracts.workflow.WorkflowAction;
import vn.nq57.workflow.report.ReportFacts;

/**
 * Decides, on the report's own data, whether an account may take an action: first its
 * scope (a report outside it does not exist for the account), then
 * {@link TransitionPolicy} for its role, its relation to the report's unit and the
 * report's current state. Refusals name the current state and what is possible.
 */
public final class TransitionAuthorisation {

	private TransitionAuthorisation() {
	}

	/**
	 * How the account relates to the report's unit, refusing reports outside its scope.
	 * @param user the account
	 * @param report the report's facts
	 * @return the relation
	 * @throws ApiException {@link WorkflowError#REPORT_NOT_FOUND} outside the scope
	 */
	public static Relation relationInScope(CurrentUser user, ReportFacts report) {
		requireInScope(user, report.unitCode(), report.provinceCode());
		return switch (user.unitLevel()) {
			case COMMUNE -> user.actsFor(report.unitCode()) ? Relation.OWN_UNIT : Relation.OTHER;
			case PROVINCE ->
				Objects.equals(user.unitCode(), report.provinceCode()) ? Relation.PROVINCE_OF_UNIT : Relation.OTHER;
			case CENTRAL -> Relation.OTHER;
		};
	}

	/**
	 * Refuses a report outside the account's scope as if it did not exist, as
	 * report-service does.
	 * @param user the account
	 * @param unitCode the report's unit
	 * @param provinceCode the unit's province
	 * @throws ApiException {@link WorkflowError#REPORT_NOT_FOUND} outside the scope
	 */
	public static void requireInScope(CurrentUser user, String unitCode, @Nullable String provinceCode) {
		if (!user.canSee(unitCode, provinceCode)) {
			throw new ApiException(WorkflowError.REPORT_NOT_FOUND);
		}
	}

	/**
	 * Checks that one of the account's roles allows the action now.
	 * @param user the account
	 * @param relation its relation to the report's unit
	 * @param action the action
	 * @param state the report's current state
	 * @return the role the account acts in
	 * @throws ApiException {@link WorkflowError#NOT_IN_THIS_STATE} when the account could
	 * take the action in another state, {@link WorkflowError#NOT_FOR_THIS_ACCOUNT} when
	 * it never can
	 */
	static Role authorise(CurrentUser user, Relation relation, WorkflowAction action, ReportState state) {
		for (Role role : user.roles()) {
			if (TransitionPolicy.allows(action, role, relation, state)) {
				return role;
			}
		}

		String statesWhereAllowed = Arrays.stream(ReportState.values())
			.filter((other) -> user.roles()
				.stream()
				.anyMatch((role) -> TransitionPolicy.allows(action, role, relation, other)))
			.map((other) -> "«" + other.label() + "»")
			.collect(Collectors.joining(" hoặc "));
		if (!statesWhereAllowed.isEmpty()) {
			throw new ApiException(WorkflowError.NOT_IN_THIS_STATE, action.label(), state.label(), statesWhereAllowed);
		}
		throw new ApiException(WorkflowError.NOT_FOR_THIS_ACCOUNT, action.label(), state.label(), whoMayActIn(state));
	}

	/**
	 * Who may move a report on from a state, in the words of the manual.
	 * @param state the state
	 * @return a Vietnamese sentence
	 */
	public static String whoMayActIn(ReportState state) {
		return switch (state) {
			case ENTERING -> "chỉ người nhập liệu của đơn vị mới có thể trình lãnh đạo cấp đơn vị.";
			case SUBMITTED ->
				"chỉ lãnh đạo đơn vị mới có thể duyệt hoặc trả lại; người nhập liệu của đơn vị có thể thu hồi báo cáo.";
			case APPROVED -> "chỉ cán bộ giám sát của Tỉnh quản lý đơn vị mới có thể trả lại báo cáo.";
			case RETURNED -> "chỉ người nhập liệu của đơn vị mới có thể sửa và trình lại lãnh đạo cấp đơn vị.";
		};
	}

}
