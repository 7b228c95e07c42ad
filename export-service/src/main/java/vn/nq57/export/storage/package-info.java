/**
 * The S3 bucket of uploaded and generated workbooks (MinIO client).
 */
@NullMarked
package vn.nq57.export.storage;

import org.jspecify.annotations.NullMarked;
