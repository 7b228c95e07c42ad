package vn.nq57.file.attachment;

import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Limits on evidence files, shown to users by {@code GET /api/files/limits}.
 *
 * @param maxFileSize the largest file accepted; default 10 MB. Keep
 * {@code spring.servlet.multipart.max-file-size} above it so this limit, with its message
 * naming the file, is the one users meet
 * @param maxFilesPerReport how many files one report may carry; default 20
 * @param unitQuota how many bytes of evidence one reporting unit may keep over all its
 * reports; default 500 MB
 */
@ConfigurationProperties("nq57.files")
record FilesProperties(DataSize maxFileSize, int maxFilesPerReport, DataSize unitQuota) {

	FilesProperties {
		maxFileSize = (maxFileSize != null) ? maxFileSize : DataSize.ofMegabytes(10);
		maxFilesPerReport = (maxFilesPerReport > 0) ? maxFilesPerReport : 20;
		unitQuota = (unitQuota != null) ? unitQuota : DataSize.ofMegabytes(500);
	}

	String maxFileSizeMegabytes() {
		return megabytes(this.maxFileSize.toBytes());
	}

	String unitQuotaMegabytes() {
		return megabytes(this.unitQuota.toBytes());
	}

	/**
	 * Bytes as megabytes for messages: whole numbers without decimals, else one decimal
	 * (two below 0.1 MB, so a small file never shows as 0).
	 * @param bytes the size
	 * @return the text, for example {@code 10}, {@code 0.3} or {@code 0.01}
	 */
	static String megabytes(long bytes) {
		long mb = DataSize.ofMegabytes(1).toBytes();
		if (bytes % mb == 0) {
			return Long.toString(bytes / mb);
		}
		double value = (double) bytes / mb;
		return (value >= 0.1) ? String.format(Locale.ROOT, "%.1f", value)
				: String.format(Locale.ROOT, "%.2f", Math.max(value, 0.01));
	}

}
