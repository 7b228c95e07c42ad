package vn.nq57.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import vn.nq57.contracts.ReportState;
import vn.nq57.contracts.workflow.WorkflowAction;
import vn.nq57.testsupport.TestAccount;
import vn.nq57.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

class ScopeAndStreamTests extends DashboardTestBase {

	private static final String CENTRE = TestTokens.bearer(TestAccount.centralAdmin());

	private static final String TINH_91 = TestTokens.bearer(TestAccount.provinceSupervisor(AN_GIANG));

	private static final String TINH_01 = TestTokens.bearer(TestAccount.provinceSupervisor(HA_NOI));

	private static final String COMMUNE = TestTokens.bearer(TestAccount.dataEntry("30943", AN_GIANG));

	@Test
	void restWhenProvinceThenOnlyItsOwnCommunesAndCommunesAreRefused() {
		UUID periodId = openPeriodWithOneReportPerProvince();

		Answer own = get("/api/dashboard/periods/" + periodId + "/summary", TINH_91);
		Answer other = get("/api/dashboard/periods/" + periodId + "/summary?province=" + HA_NOI, TINH_91);
		Answer otherCommunes = get("/api/dashboard/periods/" + periodId + "/communes?province=" + HA_NOI, TINH_91);
		Answer ownCommunes = get("/api/dashboard/periods/" + periodId + "/communes", TINH_91);
		Answer commune = get("/api/dashboard/periods/" + periodId + "/summary", COMMUNE);
		Answer communePeriods = get("/api/dashboard/periods", COMMUNE);
		Answer nation = get("/api/dashboard/periods/" + periodId + "/summary", CENTRE);
		Answer anonymous = get("/api/dashboard/periods/" + periodId + "/summary", null);

		assertThat(own.status()).isEqualTo(200);
		assertThat(own.json().path("provinceCode").asString()).isEqualTo(AN_GIANG);
		assertThat(own.json().path("provinces").size()).isEqualTo(1);
		assertThat(own.json().path("counts").path("total").asLong()).isEqualTo(3);
		assertThat(own.json().path("difficulties").toString()).doesNotContain("Hà Nội");
		assertThat(other.status()).isEqualTo(403);
		assertThat(other.json().path("code").asString()).isEqualTo("DSH-002");
		assertThat(other.json().path("detail").asString()).contains("tỉnh mình");
		assertThat(otherCommunes.status()).isEqualTo(403);
		assertThat(ownCommunes.json().size()).isEqualTo(3);
		ownCommunes.json().forEach((row) -> assertThat(row.path("provinceCode").asString()).isEqualTo(AN_GIANG));
		assertThat(commune.status()).isEqualTo(403);
		assertThat(commune.json().path("code").asString()).isEqualTo("DSH-001");
		assertThat(communePeriods.status()).isEqualTo(403);
		assertThat(nation.json().path("provinces").size()).isEqualTo(2);
		assertThat(nation.json().path("counts").path("total").asLong()).isEqualTo(5);
		assertThat(anonymous.status()).isEqualTo(401);
	}

	@Test
	void restWhenParametersMalformedThenProblemNamingTheParameter() {
		UUID periodId = openPeriodWithOneReportPerProvince();

		Answer province = get("/api/dashboard/periods/" + periodId + "/summary?province=abc", CENTRE);
		Answer status = get("/api/dashboard/periods/" + periodId + "/communes?status=DONE", CENTRE);
		Answer unknown = get("/api/dashboard/periods/" + UUID.randomUUID() + "/summary", CENTRE);

		assertThat(province.status()).isEqualTo(400);
		assertThat(province.json().path("code").asString()).isEqualTo("DSH-004");
		assertThat(province.json().path("detail").asString()).contains("province");
		assertThat(status.status()).isEqualTo(400);
		assertThat(status.json().path("detail").asString()).contains("status");
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.json().path("code").asString()).isEqualTo("DSH-003");
	}

	@Test
	void streamWhenReportApprovedThenConnectedProvinceGetsTheNewCountAndOtherProvincesNothing() {
		UUID periodId = openPeriodWithOneReportPerProvince();
		UUID report = UUID.randomUUID();
		UUID saved = events
			.send(TestEvents.draft(report, periodId, "30316", AN_GIANG, 1, Map.of("D", "Tốt"), Instant.now()));
		awaitApplied(saved);

		try (SseClient anGiang = stream(periodId, TINH_91, null);
				SseClient haNoi = stream(periodId, TINH_01, null);
				SseClient nation = stream(periodId, CENTRE, null)) {
			assertThat(anGiang.status(Duration.ofSeconds(10))).isEqualTo(200);
			assertThat(anGiang.contentType()).startsWith("text/event-stream");
			assertThat(anGiang.accelBuffering()).isEqualTo("no");
			SseClient.Event first = anGiang.nextEvent(Duration.ofSeconds(10));
			assertThat(first).isNotNull();
			assertThat(first.name()).isEqualTo("summary");
			assertThat(json(first).path("counts").path("approved").asLong()).isZero();
			assertThat(haNoi.nextEvent(Duration.ofSeconds(10))).isNotNull();
			assertThat(nation.nextEvent(Duration.ofSeconds(10))).isNotNull();

			events.send(TestEvents.transition(report, periodId, "30316", AN_GIANG, WorkflowAction.SUBMIT,
					ReportState.ENTERING, 1, Instant.now()));
			events.send(TestEvents.transition(report, periodId, "30316", AN_GIANG, WorkflowAction.APPROVE,
					ReportState.SUBMITTED, 1, Instant.now()));

			JsonNode approved = awaitCount(anGiang, "approved", 1);
			assertThat(approved.path("provinceCode").asString()).isEqualTo(AN_GIANG);
			assertThat(awaitCount(nation, "approved", 1).path("provinces").size()).isEqualTo(2);
			assertThat(haNoi.nextEvent(Duration.ofSeconds(2))).isNull();
		}
	}

	@Test
	void streamWhenCommuneOrOtherProvinceThenRefused() {
		UUID periodId = openPeriodWithOneReportPerProvince();

		try (SseClient commune = stream(periodId, COMMUNE, null);
				SseClient other = new SseClient(HTTP, streamUrl(periodId) + "&province=" + HA_NOI, TINH_91, null)) {
			assertThat(commune.status(Duration.ofSeconds(10))).isEqualTo(403);
			assertThat(other.status(Duration.ofSeconds(10))).isEqualTo(403);
		}
	}

	@Test
	void streamWhenReconnectedWithTheCurrentRevisionThenNoSnapshotButHeartbeats() {
		UUID periodId = openPeriodWithOneReportPerProvince();
		String revision;
		try (SseClient first = stream(periodId, TINH_91, null)) {
			SseClient.Event snapshot = first.nextEvent(Duration.ofSeconds(10));
			assertThat(snapshot).isNotNull();
			revision = snapshot.id();
		}

		try (SseClient resumed = stream(periodId, TINH_91, revision);
				SseClient stale = stream(periodId, TINH_91, "0")) {
			SseClient.Event resumedFirst = resumed.next(Duration.ofSeconds(10));
			SseClient.Event heartbeat = resumed.next(Duration.ofSeconds(5));
			SseClient.Event staleFirst = stale.nextEvent(Duration.ofSeconds(10));

			assertThat(resumedFirst).isNotNull();
			assertThat(resumedFirst.name()).isNull();
			assertThat(resumedFirst.data()).isEqualTo("resumed");
			assertThat(heartbeat).isNotNull();
			assertThat(heartbeat.data()).isEqualTo("heartbeat");
			assertThat(staleFirst).isNotNull();
			assertThat(staleFirst.name()).isEqualTo("summary");
			assertThat(staleFirst.id()).isEqualTo(revision);
		}
	}

	private UUID openPeriodWithOneReportPerProvince() {
		UUID periodId = UUID.randomUUID();
		events.send(TestEvents.period(periodId, LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(2), 5));
		UUID a = events.send(TestEvents.draft(UUID.randomUUID(), periodId, "30943", AN_GIANG, 1,
				Map.of("N", "Khó khăn ở An Giang"), Instant.now()));
		UUID b = events.send(TestEvents.draft(UUID.randomUUID(), periodId, "00004", HA_NOI, 1,
				Map.of("N", "Khó khăn ở Hà Nội"), Instant.now()));
		awaitApplied(a, b);
		return periodId;
	}

	private SseClient stream(UUID periodId, String token, String lastEventId) {
		return new SseClient(HTTP, streamUrl(periodId), token, lastEventId);
	}

	private String streamUrl(UUID periodId) {
		return "http://localhost:" + this.port + "/api/dashboard/stream?periodId=" + periodId;
	}

	private JsonNode json(SseClient.Event event) {
		return this.jsonMapper.readTree(event.data());
	}

	private JsonNode awaitCount(SseClient client, String count, long expected) {
		long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
		while (System.nanoTime() < deadline) {
			SseClient.Event event = client.nextEvent(Duration.ofSeconds(15));
			if (event != null && json(event).path("counts").path(count).asLong() == expected) {
				return json(event);
			}
		}
		throw new AssertionError("No summary with " + count + " = " + expected);
	}

}
