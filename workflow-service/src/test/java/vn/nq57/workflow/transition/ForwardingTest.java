package vn.nq57.workflow.transition;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import vn.nq57.contracts.ReportState;
import vn.nq57.contracts.workflow.WorkflowAction;
import vn.nq57.testsupport.TestAccount;
import vn.nq57.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Chuyển xử lý: the forwarding steps offered to every kind of account in every state,
 * written out here independently of the policy, and carrying one out.
 */
class ForwardingTest extends WorkflowTestBase {

	private static final String COMMUNE = TestAccount.LONG_THANH;

	private static final String PROVINCE = TestAccount.AN_GIANG;

	/** Accounts that can see Xã Long Thạnh's report, with the steps each is offered. */
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

	/** What each actor is offered in each state: action, label, recipient account. */
	private static final Map<Actor, Map<ReportState, List<List<String>>>> OFFERED = Map.of(Actor.OWN_DATA_ENTRY,
			Map.of(ReportState.ENTERING, List.of(List.of("SUBMIT", "Trình lãnh đạo cấp đơn vị", "30943_02")),
					ReportState.RETURNED, List.of(List.of("SUBMIT", "Trình lãnh đạo cấp đơn vị", "30943_02"))),
			Actor.OWN_LEADER,
			Map.of(ReportState.SUBMITTED,
					List.of(List.of("APPROVE", "Duyệt và gửi lên Tỉnh", "tinh_91"),
							List.of("RETURN", "Trả lại người nhập liệu", "30943_01"))),
			Actor.PROVINCE_SUPERVISOR,
			Map.of(ReportState.APPROVED, List.of(List.of("RETURN", "Trả lại đơn vị", "30943_01"))), Actor.CENTRE,
			Map.of());

	static Stream<Arguments> everyActorAndState() {
		List<Arguments> cases = new ArrayList<>();
		for (Actor actor : Actor.values()) {
			for (ReportState state : ReportState.values()) {
				cases.add(Arguments.of(actor, state));
			}
		}
		return cases.stream();
	}

	@ParameterizedTest(name = "{0} in {1}")
	@MethodSource("everyActorAndState")
	void optionsWhenActorAndStateGivenThenOfferTheForwardingStepsOfTheChain(Actor actor, ReportState state) {
		UUID reportId = stub.addReport(COMMUNE, PROVINCE, state);
		List<List<String>> expected = OFFERED.get(actor).getOrDefault(state, List.of());

		Answer answer = options(actor.account, reportId);

		assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
		assertThat(answer.text("state")).isEqualTo(state.name());
		assertThat(answer.text("stateLabel")).isEqualTo(state.label());
		List<List<String>> offered = answer.body()
			.path("options")
			.valueStream()
			.map((option) -> List.of(option.path("action").asString(), option.path("label").asString(),
					option.path("recipient").path("username").asString()))
			.toList();
		assertThat(offered).isEqualTo(expected);
		if (expected.isEmpty()) {
			assertThat(answer.text("explanation")).contains("«" + state.label() + "»");
		}
		else {
			assertThat(answer.body().path("explanation").isNull()).isTrue();
		}
		assertThat(transitionRows(reportId)).isZero();
	}

	@Test
	void optionsWhenLeaderThenRecipientsAreDescribedInVietnameseWithReasonRequiredForReturn() {
		UUID reportId = stub.addReport(COMMUNE, PROVINCE, ReportState.SUBMITTED);

		Answer answer = options(TestAccount.leader(COMMUNE, PROVINCE), reportId);

		JsonNode approve = answer.body().path("options").get(0);
		JsonNode giveBack = answer.body().path("options").get(1);
		assertThat(approve.path("recipient").path("description").asString())
			.isEqualTo("Cán bộ giám sát cấp Tỉnh của tỉnh mã 91, tài khoản tinh_91");
		assertThat(approve.path("recipient").path("level").asString()).isEqualTo("PROVINCE");
		assertThat(approve.path("recipient").path("roleLabel").asString()).isEqualTo("Giám sát cấp Tỉnh");
		assertThat(approve.path("toStateLabel").asString()).isEqualTo("Đã duyệt, gửi lên Tỉnh");
		assertThat(approve.path("messageRequired").asBoolean()).isFalse();
		assertThat(giveBack.path("recipient").path("description").asString())
			.isEqualTo("Người nhập liệu của đơn vị mã 30943, tài khoản 30943_01");
		assertThat(giveBack.path("messageRequired").asBoolean()).isTrue();
		assertThat(giveBack.path("messagePrompt").asString()).startsWith("Lý do trả lại");
	}

	@Test
	void optionsWhenDataEntryAfterSubmittingThenExplainsWhoActsAndOffersRecallOnTheActionsMenu() {
		UUID reportId = stub.addReport(COMMUNE, PROVINCE, ReportState.SUBMITTED);

		Answer answer = options(TestAccount.dataEntry(COMMUNE, PROVINCE), reportId);

		assertThat(answer.body().path("options").isEmpty()).isTrue();
		assertThat(answer.text("explanation")).isEqualTo("Báo cáo đang ở trạng thái «Chờ lãnh đạo duyệt»; hiện bạn "
				+ "không có bước chuyển xử lý nào: chỉ lãnh đạo đơn vị mới có thể duyệt hoặc trả lại; người nhập liệu "
				+ "của đơn vị có thể thu hồi báo cáo. Bạn có thể «Thu hồi báo cáo» trong menu Hành động trước khi "
				+ "lãnh đạo xử lý.");
	}

	@Test
	void optionsWhenProvinceOnApprovedReportThenNotesHowToEvaluate() {
		UUID reportId = stub.addReport(COMMUNE, PROVINCE, ReportState.APPROVED);

		Answer answer = options(TestAccount.provinceSupervisor(PROVINCE), reportId);

		assertThat(answer.text("note")).contains("P–R");
	}

	@Test
	void forwardWhenChosenStepTakenThenMovesTheReportRecordsTheMessageAndNamesTheRecipient() {
		UUID reportId = stub.addReport(COMMUNE, PROVINCE, ReportState.ENTERING);
		TestAccount dataEntry = TestAccount.dataEntry(COMMUNE, PROVINCE);

		Answer answer = forward(dataEntry, reportId, "SUBMIT", "Kính trình lãnh đạo xem xét");

		assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
		assertThat(answer.text("state")).isEqualTo("SUBMITTED");
		assertThat(answer.text("actionLabel")).isEqualTo("Trình lãnh đạo cấp đơn vị");
		assertThat(answer.body().path("recipient").path("username").asString()).isEqualTo("30943_02");
		assertThat(stub.report(reportId).state()).isEqualTo(ReportState.SUBMITTED);
		assertThat(outboxEvents(reportId)).isOne();
		JsonNode entry = history(dataEntry, reportId).body().get(0);
		assertThat(entry.path("action").asString()).isEqualTo("SUBMIT");
		assertThat(entry.path("message").asString()).isEqualTo("Kính trình lãnh đạo xem xét");
		assertThat(entry.path("transitionId").asString()).isEqualTo(answer.text("transitionId"));
	}

	@Test
	void forwardWhenProvinceReturnsWithoutReasonThenRefusedNamingTheField() {
		UUID reportId = stub.addReport(COMMUNE, PROVINCE, ReportState.APPROVED);

		Answer answer = forward(TestAccount.provinceSupervisor(PROVINCE), reportId, "return", "  ");

		assertThat(answer.status()).isEqualTo(422);
		assertThat(answer.text("code")).isEqualTo("WFL-004");
		assertThat(answer.body().path("errors").get(0).path("field").asString()).isEqualTo("message");
		assertThat(transitionRows(reportId)).isZero();
	}

	@Test
	void forwardWhenStepIsNotAForwardingStepThenRefusedNamingTheStateAndTheStepsOnOffer() {
		UUID reportId = stub.addReport(COMMUNE, PROVINCE, ReportState.SUBMITTED);

		Answer recall = forward(TestAccount.dataEntry(COMMUNE, PROVINCE), reportId, "RECALL", null);
		Answer missing = forward(TestAccount.leader(COMMUNE, PROVINCE), reportId, null, null);
		Answer unknown = forward(TestAccount.leader(COMMUNE, PROVINCE), reportId, "PUBLISH", null);

		assertThat(recall.status()).isEqualTo(422);
		assertThat(recall.text("code")).isEqualTo("WFL-009");
		assertThat(recall.text("detail")).startsWith("«Thu hồi báo cáo» không phải là bước chuyển xử lý")
			.contains("«Chờ lãnh đạo duyệt»");
		assertThat(missing.text("code")).isEqualTo("WFL-009");
		assertThat(missing.text("detail")).contains("«Chờ lãnh đạo duyệt»")
			.contains("«Duyệt và gửi lên Tỉnh», «Trả lại người nhập liệu»");
		assertThat(missing.body().path("errors").get(0).path("field").asString()).isEqualTo("action");
		assertThat(unknown.text("code")).isEqualTo("WFL-009");
		assertThat(transitionRows(reportId)).isZero();
		assertThat(stub.report(reportId).state()).isEqualTo(ReportState.SUBMITTED);
	}

	@Test
	void forwardWhenStepNotAllowedNowThenThePolicyRefusesNamingTheState() {
		UUID reportId = stub.addReport(COMMUNE, PROVINCE, ReportState.APPROVED);

		Answer again = forward(TestAccount.dataEntry(COMMUNE, PROVINCE), reportId, "SUBMIT", null);
		Answer centre = forward(TestAccount.centralAdmin(), reportId, "RETURN", "Lý do");

		assertThat(again.status()).isEqualTo(409);
		assertThat(again.text("code")).isEqualTo("WFL-002");
		assertThat(again.text("detail")).contains("«Đã duyệt, gửi lên Tỉnh»");
		assertThat(centre.status()).isEqualTo(403);
		assertThat(centre.text("code")).isEqualTo("WFL-003");
		assertThat(centre.text("detail")).contains("«Đã duyệt, gửi lên Tỉnh»");
		assertThat(transitionRows(reportId)).isZero();
	}

	@ParameterizedTest
	@EnumSource(value = ReportState.class)
	void forwardingWhenAccountOutsideReportScopeThenNotFound(ReportState state) {
		UUID reportId = stub.addReport(COMMUNE, PROVINCE, state);
		Set<TestAccount> outsiders = Set.of(TestAccount.dataEntry("30946", PROVINCE),
				TestAccount.leader("30946", PROVINCE), TestAccount.provinceSupervisor("79"));

		for (TestAccount outsider : outsiders) {
			for (WorkflowAction action : EnumSet.of(WorkflowAction.SUBMIT, WorkflowAction.APPROVE,
					WorkflowAction.RETURN)) {
				Answer answer = forward(outsider, reportId, action.name(), "Lý do");
				assertThat(answer.status()).as(outsider.username() + " " + action).isEqualTo(404);
				assertThat(answer.text("code")).isEqualTo("WFL-001");
			}
			Answer options = options(outsider, reportId);
			assertThat(options.status()).isEqualTo(404);
			assertThat(options.text("code")).isEqualTo("WFL-001");
		}
		assertThat(transitionRows(reportId)).isZero();
		assertThat(stub.transitionCalls(reportId)).isEmpty();
	}

	private Answer options(TestAccount account, UUID reportId) {
		return send(HttpRequest.newBuilder(uri("/api/workflow/reports/" + reportId + "/forwarding"))
			.header("Authorization", TestTokens.bearer(account))
			.GET());
	}

	private Answer forward(TestAccount account, UUID reportId, @Nullable String action, @Nullable String message) {
		Map<String, @Nullable Object> body = new LinkedHashMap<>();
		body.put("action", action);
		body.put("message", message);
		return send(HttpRequest.newBuilder(uri("/api/workflow/reports/" + reportId + "/forwarding"))
			.header("Authorization", TestTokens.bearer(account))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))));
	}

}
