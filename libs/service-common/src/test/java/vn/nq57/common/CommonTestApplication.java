package vn.nq57.common;

import java.util.List;
import java.util.UUID;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.nq57.common.outbox.OutboxWriter;
import vn.nq57.common.security.CurrentUser;
import vn.nq57.common.web.ApiException;
import vn.nq57.common.web.ErrorCode;
import vn.nq57.common.web.FieldProblem;
import vn.nq57.contracts.report.ReportEvaluated;

/**
 * A minimal resource-server application exercising what service-common configures.
 */
@SpringBootApplication
public class CommonTestApplication {

	enum SampleError implements ErrorCode {

		BAD_COLUMN("TST-001", HttpStatus.UNPROCESSABLE_CONTENT, "Cột %s không hợp lệ.");

		private final String code;

		private final HttpStatus status;

		private final String message;

		SampleError(String code, HttpStatus status, String message) {
			this.code = code;
			this.status = status;
			this.message = message;
		}

		@Override
		public String code() {
			return this.code;
		}

		@Override
		public HttpStatus status() {
			return this.status;
		}

		@Override
		public String message() {
			return this.message;
		}

	}

	@RestController
	static class SampleController {

		private final JdbcClient jdbc;

		private final OutboxWriter outbox;

		SampleController(JdbcClient jdbc, OutboxWriter outbox) {
			this.jdbc = jdbc;
			this.outbox = outbox;
		}

		@GetMapping("/api/whoami")
		CurrentUser whoami(CurrentUser user) {
			return user;
		}

		@GetMapping("/api/refuse/{column}")
		void refuse(@PathVariable String column) {
			throw new ApiException(SampleError.BAD_COLUMN,
					List.of(new FieldProblem(column, "Cột " + column + " phải được chọn.")), column);
		}

		@PostMapping("/api/items")
		@Transactional
		UUID create(CurrentUser user) {
			UUID id = UUID.randomUUID();
			this.jdbc.sql("insert into sample_item (id, unit) values (:id, :unit)")
				.param("id", id)
				.param("unit", user.unitCode())
				.update();
			this.outbox.publish(new ReportEvaluated(id, UUID.randomUUID(), user.unitCode(), "91", 1, "Đạt yêu cầu",
					user.accountId(), java.time.Instant.now()));
			return id;
		}

		@PostMapping(path = "/api/echo", consumes = "application/json")
		java.util.Map<String, Object> echo(
				@org.springframework.web.bind.annotation.RequestBody java.util.Map<String, Object> body) {
			return body;
		}

		@GetMapping("/internal/ping")
		String internalPing() {
			return "pong";
		}

	}

}
