/**
 * The S3 object store evidence files live in, spoken to through the MinIO client.
 */
@NullMarked
package vn.nq57.file.storage;

import org.jspecify.annotations.NullMarked;
