package vn.nq57.workflow.transition;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import vn.nq57.contracts.ReportState;
import vn.nq57.contracts.workflow.WorkflowAction;
import vn.nq57.testsupport.TestAccount;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every action by every kind of account in every state, against the table in
 * {@code docs/design.md} written out here independently of the policy code.
 */
class TransitionMatrixTest extends WorkflowTestBase {

	private static final String COMMUNE = TestAccount.LONG_THANH;

	private static final String PROVINCE = TestAccount.AN_GIANG;

	/** Accounts that can see Xã Long Thạnh's report. */
	enum Actor {

		OWN_DATA_ENTRY(TestAccount.dataEntry(COMMUNE, PROVINCE)),

		OWN_LEADER(TestAccount.leader(COMMUNE, PROVINCE)),

		PROVINCE_SUPERVISOR(TestAccount.provinceSupervisor(PROVINCE)),

		CENTRE(TestAccount.centralAdmin());

		final TestAccount account;

		Actor(TestAccount account) {
			this.account = account;
		}

	}

	/** Accounts outside the report's scope. */
	enum Outsider {

		OTHER_COMMUNE_DATA_ENTRY(TestAccount.dataEntry("30946", PROVINCE)),

		OTHER_COMMUNE_LEADER(TestAccount.leader("30946", PROVINCE)),

		OTHER_PROVINCE_SUPERVISOR(TestAccount.provinceSupervisor("79"));

		final TestAccount account;

		Outsider(TestAccount account) {
			this.account = account;
		}

	}

	/** docs/design.md, "States and who may do what". */
	private static final Map<Actor, Map<WorkflowAction, Set<ReportState>>> ALLOWED = Map.of(Actor.OWN_DATA_ENTRY,
			Map.of(WorkflowAction.SUBMIT, EnumSet.of(ReportState.ENTERING, ReportState.RETURNED), WorkflowAction.RECALL,
					EnumSet.of(ReportState.SUBMITTED)),
			Actor.OWN_LEADER,
			Map.of(WorkflowAction.APPROVE, EnumSet.of(ReportState.SUBMITTED), WorkflowAction.RETURN,
					EnumSet.of(ReportState.SUBMITTED)),
			Actor.PROVINCE_SUPERVISOR, Map.of(WorkflowAction.RETURN, EnumSet.of(ReportState.APPROVED)), Actor.CENTRE,
			Map.of());

	static Stream<Arguments> everyActionActorAndState() {
		List<Arguments> cases = new ArrayList<>();
		for (WorkflowAction action : WorkflowAction.values()) {
			for (Actor actor : Actor.values()) {
				for (ReportState state : ReportState.values()) {
					cases.add(Arguments.of(action, actor, state));
				}
			}
		}
		return cases.stream();
	}

	@ParameterizedTest(name = "{0} by {1} in {2}")
	@MethodSource("everyActionActorAndState")
	void actWhenActorAndStateGivenThenOnlyTheDesignTableAllowsIt(WorkflowAction action, Actor actor,
			ReportState state) {
		UUID reportId = stub.addReport(COMMUNE, PROVINCE, state);
		Set<ReportState> allowedStates = ALLOWED.get(actor).getOrDefault(action, Set.of());

		Answer answer = act(actor.account, reportId, action.name().toLowerCase(), "Lời nhắn kèm theo");

		if (allowedStates.contains(state)) {
			assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
			assertThat(answer.text("state")).isEqualTo(action.target().name());
			assertThat(answer.text("stateLabel")).isEqualTo(action.target().label());
			assertThat(stub.report(reportId).state()).isEqualTo(action.target());
			assertThat(transitionRows(reportId, "COMPLETED")).isOne();
			assertThat(outboxEvents(reportId)).isOne();
		}
		else {
			// 409: possible for the account in another state; 403: never possible.
			int expectedStatus = ALLOWED.get(actor).containsKey(action) ? 409 : 403;
			assertThat(answer.status()).as(answer.body().toString()).isEqualTo(expectedStatus);
			assertThat(answer.text("code")).isEqualTo((expectedStatus == 409) ? "WFL-002" : "WFL-003");
			assertThat(answer.text("detail")).contains("«" + state.label() + "»")
				.contains("«" + action.label() + "»")
				.startsWith("Không thể thực hiện");
			assertThat(transitionRows(reportId)).isZero();
			assertThat(outboxEvents(reportId)).isZero();
			assertThat(stub.transitionCalls(reportId)).isEmpty();
			assertThat(stub.report(reportId).state()).isEqualTo(state);
		}
	}

	@ParameterizedTest
	@EnumSource(Outsider.class)
	void actWhenAccountOutsideReportScopeThenNotFoundAndNothingRecorded(Outsider outsider) {
		for (WorkflowAction action : WorkflowAction.values()) {
			ReportState stateWhereAllowed = (action == WorkflowAction.SUBMIT) ? ReportState.ENTERING
					: (action == WorkflowAction.RETURN && outsider == Outsider.OTHER_PROVINCE_SUPERVISOR)
							? ReportState.APPROVED : ReportState.SUBMITTED;
			UUID reportId = stub.addReport(COMMUNE, PROVINCE, stateWhereAllowed);

			Answer answer = act(outsider.account, reportId, action.name().toLowerCase(), "Lý do");

			assertThat(answer.status()).as(action + ": " + answer.body()).isEqualTo(404);
			assertThat(answer.text("code")).isEqualTo("WFL-001");
			assertThat(answer.text("detail"))
				.isEqualTo("Không tìm thấy báo cáo, hoặc báo cáo không thuộc phạm vi đơn vị của bạn.");
			assertThat(transitionRows(reportId)).isZero();
			assertThat(stub.transitionCalls(reportId)).isEmpty();
		}
	}

	@ParameterizedTest
	@EnumSource(Outsider.class)
	void historyWhenAccountOutsideReportScopeThenNotFound(Outsider outsider) {
		UUID reportId = stub.addReport(COMMUNE, PROVINCE, ReportState.ENTERING);

		Answer answer = history(outsider.account, reportId);

		assertThat(answer.status()).isEqualTo(404);
		assertThat(answer.text("code")).isEqualTo("WFL-001");
	}

}
