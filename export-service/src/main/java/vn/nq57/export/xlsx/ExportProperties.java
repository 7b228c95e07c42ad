package vn.nq57.export.xlsx;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits of period exports.
 *
 * @param pageSize how many grid rows are asked of report-service per call; default 500
 * @param maxRows the most rows one workbook holds (the whole country is 3,321 communes);
 * default 10000
 */
@ConfigurationProperties("nq57.exports")
record ExportProperties(int pageSize, int maxRows) {

	ExportProperties {
		pageSize = (pageSize > 0) ? pageSize : 500;
		maxRows = (maxRows > 0) ? maxRows : 10_000;
	}

}
