package vn.nq57.report.report;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * Business counters an operator watches on {@code /actuator/prometheus}:
 * {@code nq57_report_saves_total{outcome}} with outcome {@code draft},
 * {@code evaluation}, {@code invalid} or {@code stale}. A rising share of {@code stale}
 * means users overwrite each other; of {@code invalid}, that the form confuses them.
 */
@Component
class ReportMetrics {

	private final Counter drafts;

	private final Counter evaluations;

	private final MeterRegistry registry;

	ReportMetrics(MeterRegistry registry) {
		this.registry = registry;
		this.drafts = counter("draft");
		this.evaluations = counter("evaluation");
	}

	void saved(boolean evaluation) {
		(evaluation ? this.evaluations : this.drafts).increment();
	}

	void saveRefused(String reason) {
		counter(reason).increment();
	}

	private Counter counter(String outcome) {
		return Counter.builder("nq57.report.saves")
			.description("Report saves by outcome")
			.tag("outcome", outcome)
			.register(this.registry);
	}

}
