/**
 * The launcher behind {@code ./nq57 up}: PostgreSQL, a Kafka broker, an S3 server and the
 * seven services on one machine, with their data in one folder.
 */
@NullMarked
package vn.nq57.localstack;

import org.jspecify.annotations.NullMarked;
