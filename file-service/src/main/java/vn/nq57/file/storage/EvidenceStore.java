package vn.nq57.file.storage;

import java.io.IOException;
import java.io.InputStream;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import io.minio.BucketExistsArgs;
import io.minio.ListObjectsArgs;
import io.minio.Result;
import io.minio.messages.Item;
import io.minio.GetObjectArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.errors.MinioException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bucket of evidence files. Keys are chosen by the caller and never derived from a
 * file name; objects are written once and never overwritten.
 */
public class EvidenceStore {

	private static final Logger logger = LoggerFactory.getLogger(EvidenceStore.class);

	private final MinioClient client;

	private final String bucket;

	private volatile boolean bucketReady;

	EvidenceStore(MinioClient client, String bucket) {
		this.client = client;
		this.bucket = bucket;
	}

	/**
	 * Creates the bucket if it does not exist yet.
	 * @throws StorageUnavailableException if the store cannot be reached
	 */
	public void ensureBucket() {
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
			throw new StorageUnavailableException("ensure bucket", ex);
		}
	}

	/**
	 * Whether the store answers and holds the bucket, for the health endpoint.
	 * @return true if it does
	 */
	public boolean reachable() {
		try {
			return this.client.bucketExists(BucketExistsArgs.builder().bucket(this.bucket).build());
		}
		catch (MinioException | RuntimeException ex) {
			logger.debug("Object store health check failed: {}", ex.getClass().getSimpleName());
			return false;
		}
	}

	/**
	 * Stores an object from a stream of known length without buffering it in memory.
	 * @param key the object key
	 * @param content the content; read to its end but not closed
	 * @param size the exact number of bytes the stream yields
	 * @param contentType the media type detected from the content
	 * @throws IOException if reading the content fails (for example the size limit was
	 * passed)
	 * @throws StorageUnavailableException if the store fails
	 */
	public void put(String key, InputStream content, long size, String contentType) throws IOException {
		ensureBucket();
		try {
			this.client.putObject(PutObjectArgs.builder()
				.bucket(this.bucket)
				.object(key)
				.stream(content, size, -1L)
				.contentType(contentType)
				.build());
		}
		catch (MinioException ex) {
			if (ex.getCause() instanceof IOException io) {
				throw io;
			}
			throw new StorageUnavailableException("put", ex);
		}
	}

	/**
	 * Opens an object for reading; the caller closes the stream.
	 * @param key the object key
	 * @return the content
	 * @throws StorageUnavailableException if the store fails or the object is missing
	 */
	public InputStream open(String key) {
		try {
			return this.client.getObject(GetObjectArgs.builder().bucket(this.bucket).object(key).build());
		}
		catch (MinioException ex) {
			throw new StorageUnavailableException("get", ex);
		}
	}

	/**
	 * Removes an object; removing a missing object is not an error.
	 * @param key the object key
	 * @throws StorageUnavailableException if the store fails
	 */
	public void remove(String key) {
		try {
			this.client.removeObject(RemoveObjectArgs.builder().bucket(this.bucket).object(key).build());
		}
		catch (MinioException ex) {
			throw new StorageUnavailableException("remove", ex);
		}
	}

	/**
	 * Hands the keys of the objects under a prefix last written before a cutoff to the
	 * consumer, in batches, while the listing pages through the bucket.
	 * @param prefix the key prefix, for example {@code reports/}
	 * @param writtenBefore only objects last modified before this instant
	 * @param batchSize the most keys per batch
	 * @param batches receives each batch
	 * @throws StorageUnavailableException if the store fails
	 */
	public void listWrittenBefore(String prefix, Instant writtenBefore, int batchSize, Consumer<List<String>> batches) {
		ensureBucket();
		List<String> batch = new ArrayList<>(batchSize);
		try {
			for (Result<Item> result : this.client
				.listObjects(ListObjectsArgs.builder().bucket(this.bucket).prefix(prefix).recursive(true).build())) {
				Item item = result.get();
				if (item.isDir() || item.lastModified() == null
						|| !item.lastModified().toInstant().isBefore(writtenBefore)) {
					continue;
				}
				batch.add(item.objectName());
				if (batch.size() >= batchSize) {
					batches.accept(List.copyOf(batch));
					batch.clear();
				}
			}
		}
		catch (MinioException ex) {
			throw new StorageUnavailableException("list", ex);
		}
		if (!batch.isEmpty()) {
			batches.accept(List.copyOf(batch));
		}
	}

}
