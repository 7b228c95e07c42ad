package vn.nq57.deploy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every chart value is documented with its default, in values.yaml and the chart README.
 */
class ValuesDocumentationTest {

	@Test
	void everyChartValueIsDocumentedWithItsDefault() {
		assertThat(
				ValuesDocCheck.problems(Repository.CHART.resolve("values.yaml"), Repository.CHART.resolve("README.md")))
			.isEmpty();
	}

	@Test
	void valuesDocCheckWhenKeyUndocumentedOrDefaultWrongThenReportsIt() {
		assertThat(ValuesDocCheck.problems(Repository.FIXTURES.resolve("values-doc/values.yaml"),
				Repository.FIXTURES.resolve("values-doc/README.md")))
			.containsExactlyInAnyOrder("image.tag: no README row | `image.tag` | `\"1.0\"` |",
					"image.pullPolicy: no # -- comment in values.yaml", "replicas: no README row | `replicas` | `2` |");
	}

}
