package vn.nq57.export.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.errors.MinioException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import vn.nq57.common.web.ApiException;
import vn.nq57.common.web.CommonError;

/**
 * The bucket of workbooks: uploads kept for the apply of an import, and the results of
 * export jobs. Keys are chosen by export-service ({@code imports/<id>.xlsx},
 * {@code jobs/<id>.xlsx}), never derived from a file name.
 */
@Component
public class WorkbookStore {

	private static final Logger logger = LoggerFactory.getLogger(WorkbookStore.class);

	private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private static final String LABEL = "Kho lưu trữ tệp";

	private final MinioClient client;

	private final String bucket;

	private volatile boolean bucketReady;

	WorkbookStore(S3Properties properties) {
		this.client = MinioClient.builder()
			.endpoint(properties.endpoint())
			.credentials(properties.accessKey(), properties.secretKey())
			.region(properties.region())
			.build();
		long io = properties.ioTimeout().toMillis();
		this.client.setTimeout(properties.connectTimeout().toMillis(), io, io);
		this.bucket = properties.bucket();
	}

	/**
	 * Stores a file under a key, streamed from disk.
	 * @param key the object key
	 * @param file the file
	 * @throws ApiException {@code COM-007} if the store cannot be reached
	 */
	public void put(String key, Path file) {
		ensureBucket();
		try (InputStream content = Files.newInputStream(file)) {
			this.client.putObject(PutObjectArgs.builder()
				.bucket(this.bucket)
				.object(key)
				.stream(content, Files.size(file), -1L)
				.contentType(XLSX)
				.build());
		}
		catch (MinioException | IOException ex) {
			throw unavailable("put", ex);
		}
	}

	/**
	 * Opens an object; the caller closes the stream.
	 * @param key the object key
	 * @return the content
	 * @throws ApiException {@code COM-007} if the store fails or the object is missing
	 */
	public InputStream open(String key) {
		try {
			return this.client.getObject(GetObjectArgs.builder().bucket(this.bucket).object(key).build());
		}
		catch (MinioException ex) {
			throw unavailable("get", ex);
		}
	}

	/**
	 * Removes an object, if it is there; failures are logged, not thrown.
	 * @param key the object key
	 */
	public void removeQuietly(String key) {
		try {
			this.client.removeObject(RemoveObjectArgs.builder().bucket(this.bucket).object(key).build());
		}
		catch (MinioException | RuntimeException ex) {
			logger.warn("Cannot remove object {}: {}", key, ex.getClass().getSimpleName());
		}
	}

	private void ensureBucket() {
		if (this.bucketReady) {
			return;
		}
		try {
			if (!this.client.bucketExists(BucketExistsArgs.builder().bucket(this.bucket).build())) {
				this.client.makeBucket(MakeBucketArgs.builder().bucket(this.bucket).build());
				logger.info("Created bucket {}", this.bucket);
			}
			this.bucketReady = true;
		}
		catch (MinioException ex) {
			throw unavailable("ensure bucket", ex);
		}
	}

	private static ApiException unavailable(String operation, Exception ex) {
		logger.warn("Object store failed on {}: {}", operation, ex.toString());
		return new ApiException(CommonError.DOWNSTREAM_UNAVAILABLE, LABEL);
	}

}
