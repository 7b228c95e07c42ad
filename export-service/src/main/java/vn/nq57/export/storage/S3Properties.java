package vn.nq57.export.storage;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where workbooks are stored: an S3-compatible server reached with path-style addressing.
 *
 * @param endpoint the server's URL; default {@code http://localhost:9400}
 * @param accessKey the access key; default {@code nq57-local}
 * @param secretKey the secret key; default {@code nq57-local-secret} (local demo value
 * only)
 * @param region the region requests are signed for; default {@code us-east-1}
 * @param bucket the bucket, created on first use; default {@code nq57-exports}
 * @param connectTimeout how long to wait for a connection; default 2 s
 * @param ioTimeout how long one read or write may stall; default 60 s
 */
@ConfigurationProperties("nq57.s3")
public record S3Properties(String endpoint, String accessKey, String secretKey, String region, String bucket,
		Duration connectTimeout, Duration ioTimeout) {

	public S3Properties {
		endpoint = (endpoint != null) ? endpoint : "http://localhost:9400";
		accessKey = (accessKey != null) ? accessKey : "nq57-local";
		secretKey = (secretKey != null) ? secretKey : "nq57-local-secret";
		region = (region != null) ? region : "us-east-1";
		bucket = (bucket != null) ? bucket : "nq57-exports";
		connectTimeout = (connectTimeout != null) ? connectTimeout : Duration.ofSeconds(2);
		ioTimeout = (ioTimeout != null) ? ioTimeout : Duration.ofSeconds(60);
	}

}
