package vn.nq57.export.imports;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the Excel import; every upload is treated as hostile.
 *
 * @param maxFileSize the largest upload; default 10 MB
 * @param maxEntries the most zip entries (an exported workbook has about 15); default 200
 * @param maxUncompressedBytes the most bytes all entries may inflate to together (and
 * each one alone); default 200 MB
 * @param minInflateRatio an entry whose compressed size is below this fraction of its
 * inflated size (past 100 KB) is a zip bomb; default 0.01 (POI's ZipSecureFile default)
 * @param maxRows the most data rows a workbook may hold; default 5000
 * @param maxColumns the most columns a sheet may use; default 60
 * @param batchSize the items per call to report-service's batch API; default 500
 * @param previewLifetime how long a preview can be applied; default 24 h
 */
@ConfigurationProperties("nq57.imports")
record ImportProperties(DataSize maxFileSize, int maxEntries, DataSize maxUncompressedBytes, double minInflateRatio,
		int maxRows, int maxColumns, int batchSize, Duration previewLifetime) {

	ImportProperties {
		maxFileSize = (maxFileSize != null) ? maxFileSize : DataSize.ofMegabytes(10);
		maxEntries = (maxEntries > 0) ? maxEntries : 200;
		maxUncompressedBytes = (maxUncompressedBytes != null) ? maxUncompressedBytes : DataSize.ofMegabytes(200);
		minInflateRatio = (minInflateRatio > 0) ? minInflateRatio : 0.01;
		maxRows = (maxRows > 0) ? maxRows : 5000;
		maxColumns = (maxColumns > 0) ? maxColumns : 60;
		batchSize = (batchSize > 0) ? Math.min(batchSize, 5000) : 500;
		previewLifetime = (previewLifetime != null) ? previewLifetime : Duration.ofHours(24);
	}

}
