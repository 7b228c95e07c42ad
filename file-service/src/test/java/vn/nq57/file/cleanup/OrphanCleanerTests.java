package vn.nq57.file.cleanup;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.Result;
import io.minio.messages.Item;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import vn.nq57.contracts.ReportState;
import vn.nq57.file.FileServiceTestBase;
import vn.nq57.file.storage.S3Properties;
import vn.nq57.testsupport.TestAccount;
import vn.nq57.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

/**
 * The orphan cleaner against the real S3 server (s3proxy) and PostgreSQL: what an
 * interrupted upload leaves behind goes once it is older than the cutoff, committed
 * attachments and uploads still in progress stay, and only one replica runs at a time.
 */
class OrphanCleanerTests extends FileServiceTestBase {

	private static final String PROVINCE = TestAccount.AN_GIANG;

	private static final byte[] PDF = "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

	@Autowired
	private OrphanCleaner cleaner;

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private MinioClient minio;

	@Autowired
	private S3Properties s3;

	@Autowired
	private TransactionTemplate transactions;

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void cleanWhenObjectHasNoRowAndIsOlderThanCutoffThenRemovesItAndKeepsCommittedAttachments() throws Exception {
		UUID reportId = reportService.report("30971", PROVINCE, ReportState.ENTERING, true);
		String attached = uploadedKey(reportId);
		String orphan = "reports/" + reportId + "/" + UUID.randomUUID();
		put(orphan);

		OrphanCleaner.Result early = this.cleaner.clean(Instant.now().minus(Duration.ofHours(1)));

		assertThat(early.ran()).isTrue();
		assertThat(keys(reportId)).containsExactlyInAnyOrder(attached, orphan);

		OrphanCleaner.Result result = this.cleaner.clean(Instant.now().plusSeconds(60));

		assertThat(result.ran()).isTrue();
		assertThat(result.unreferencedObjects()).isGreaterThanOrEqualTo(1);
		assertThat(keys(reportId)).containsExactly(attached);
	}

	@Test
	void cleanWhenUploadWasInterruptedThenRemovesItsRecordAndObjectAfterTheGracePeriodOnly() throws Exception {
		UUID reportId = UUID.randomUUID();
		String stale = "reports/" + reportId + "/" + UUID.randomUUID();
		String fresh = "reports/" + reportId + "/" + UUID.randomUUID();
		String neverWritten = "reports/" + reportId + "/" + UUID.randomUUID();
		put(stale);
		put(fresh);
		inProgress(stale, reportId, Instant.now().minus(Duration.ofHours(2)));
		inProgress(neverWritten, reportId, Instant.now().minus(Duration.ofHours(2)));
		inProgress(fresh, reportId, Instant.now());

		OrphanCleaner.Result result = this.cleaner.clean(Instant.now().minus(Duration.ofHours(1)));

		assertThat(result.unfinishedUploads()).isGreaterThanOrEqualTo(2);
		assertThat(keys(reportId)).containsExactly(fresh);
		assertThat(inProgressKeys(reportId)).containsExactly(fresh);
	}

	@Test
	void cleanWhenAnotherReplicaIsRunningThenSkipsAndRemovesNothing() throws Exception {
		UUID reportId = UUID.randomUUID();
		String orphan = "reports/" + reportId + "/" + UUID.randomUUID();
		put(orphan);
		CountDownLatch locked = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		CompletableFuture<Void> otherReplica = CompletableFuture
			.runAsync(() -> this.transactions.executeWithoutResult((status) -> {
				this.jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:key, 0))")
					.param("key", OrphanCleaner.LOCK_KEY)
					.query((rs, row) -> 1)
					.list();
				locked.countDown();
				try {
					release.await(10, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}));
		assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();

		OrphanCleaner.Result result;
		try {
			result = this.cleaner.clean(Instant.now().plusSeconds(60));
		}
		finally {
			release.countDown();
			otherReplica.get(10, TimeUnit.SECONDS);
		}

		assertThat(result).isEqualTo(OrphanCleaner.Result.SKIPPED);
		assertThat(keys(reportId)).containsExactly(orphan);
	}

	private String uploadedKey(UUID reportId) throws Exception {
		String body = this.mvc
			.perform(multipart("/api/files/reports/{id}/attachments", reportId)
				.file(new MockMultipartFile("file", "a.pdf", "application/pdf", PDF))
				.header("Authorization", "Bearer " + TestTokens.token(TestAccount.dataEntry("30971", PROVINCE))))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		return "reports/" + reportId + "/" + this.json.readTree(body).path("id").asString();
	}

	private void put(String key) throws Exception {
		this.minio.putObject(PutObjectArgs.builder()
			.bucket(this.s3.bucket())
			.object(key)
			.stream(new ByteArrayInputStream(PDF), (long) PDF.length, -1L)
			.contentType("application/pdf")
			.build());
	}

	private void inProgress(String key, UUID reportId, Instant startedAt) {
		this.jdbc.sql("""
				insert into upload_in_progress (storage_key, report_id, unit_code, started_at)
				values (:key, :reportId, '30971', :startedAt)
				""")
			.param("key", key)
			.param("reportId", reportId)
			.param("startedAt", Timestamp.from(startedAt))
			.update();
	}

	private List<String> inProgressKeys(UUID reportId) {
		return this.jdbc.sql("select storage_key from upload_in_progress where report_id = :reportId")
			.param("reportId", reportId)
			.query(String.class)
			.list();
	}

	private List<String> keys(UUID reportId) throws Exception {
		List<String> keys = new ArrayList<>();
		for (Result<Item> item : this.minio.listObjects(ListObjectsArgs.builder()
			.bucket(this.s3.bucket())
			.prefix("reports/" + reportId + "/")
			.recursive(true)
			.build())) {
			keys.add(item.get().objectName());
		}
		return keys;
	}

}
