package vn.nq57.file.storage;

/**
 * The object store failed or did not answer. The cause is kept for the one log line at
 * the boundary; users get {@code FIL-011}.
 */
public class StorageUnavailableException extends RuntimeException {

	StorageUnavailableException(String operation, Throwable cause) {
		super("Object store failed on " + operation, cause);
	}

}
