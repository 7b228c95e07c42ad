package vn.nq57.file.attachment;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Limits on evidence files.
 *
 * @param maxFileSize the largest file accepted; default 10 MB. Keep
 * {@code spring.servlet.multipart.max-file-size} above it so this limit, with its message
 * naming the file, is the one users meet
 * @param maxFilesPerReport how many files one report may carry; default 20
 */
@ConfigurationProperties("nq57.files")
record FilesProperties(DataSize maxFileSize, int maxFilesPerReport) {

	FilesProperties {
		maxFileSize = (maxFileSize != null) ? maxFileSize : DataSize.ofMegabytes(10);
		maxFilesPerReport = (maxFilesPerReport > 0) ? maxFilesPerReport : 20;
	}

	String maxFileSizeMegabytes() {
		long bytes = this.maxFileSize.toBytes();
		long mb = DataSize.ofMegabytes(1).toBytes();
		return (bytes % mb == 0) ? Long.toString(bytes / mb)
				: String.format(java.util.Locale.ROOT, "%.1f", (double) bytes / mb);
	}

}
