package vn.nq57.file.storage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.minio.MinioClient;

/**
 * The MinIO client and the evidence bucket. The bucket is created at start-up; if the
 * store is not reachable yet, start-up goes on and the first upload creates it.
 */
@Configuration(proxyBeanMethods = false)
class StorageConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(StorageConfiguration.class);

	@Bean
	MinioClient minioClient(S3Properties properties) {
		// Path-style requests (MinIO's default for non-AWS endpoints) and an explicit
		// region: s3proxy checks SigV4 signatures, which carry the region.
		MinioClient client = MinioClient.builder()
			.endpoint(properties.endpoint())
			.credentials(properties.accessKey(), properties.secretKey())
			.region(properties.region())
			.build();
		long io = properties.ioTimeout().toMillis();
		client.setTimeout(properties.connectTimeout().toMillis(), io, io);
		return client;
	}

	@Bean
	EvidenceStore evidenceStore(MinioClient minioClient, S3Properties properties) {
		return new EvidenceStore(minioClient, properties.bucket());
	}

	@Bean
	HealthIndicator evidenceStoreHealthIndicator(EvidenceStore store) {
		return () -> store.reachable() ? Health.up().build() : Health.down().build();
	}

	@Bean
	ApplicationRunner evidenceBucketCreator(EvidenceStore store) {
		return (arguments) -> {
			try {
				store.ensureBucket();
			}
			catch (StorageUnavailableException ex) {
				logger.warn("Object store not reachable at start-up; the bucket is created on first upload", ex);
			}
		};
	}

}
