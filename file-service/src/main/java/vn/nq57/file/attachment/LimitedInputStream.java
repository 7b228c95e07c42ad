package vn.nq57.file.attachment;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Passes at most a given number of bytes and fails past it, so a file larger than it
 * claims can never be stored whole. Remembers whether the limit was passed, whatever the
 * reader did with the exception.
 */
final class LimitedInputStream extends FilterInputStream {

	private final long limit;

	private long count;

	private boolean exceeded;

	LimitedInputStream(InputStream in, long limit) {
		super(in);
		this.limit = limit;
	}

	@Override
	public int read() throws IOException {
		int b = super.read();
		if (b >= 0) {
			advance(1);
		}
		return b;
	}

	@Override
	public int read(byte[] buffer, int offset, int length) throws IOException {
		int n = super.read(buffer, offset, length);
		if (n > 0) {
			advance(n);
		}
		return n;
	}

	@Override
	public long skip(long n) throws IOException {
		long skipped = super.skip(n);
		advance(skipped);
		return skipped;
	}

	@Override
	public boolean markSupported() {
		return false;
	}

	private void advance(long n) throws IOException {
		this.count += n;
		if (this.count > this.limit) {
			this.exceeded = true;
			throw new IOException("Stream passed its limit of " + this.limit + " bytes");
		}
	}

	long count() {
		return this.count;
	}

	boolean exceeded() {
		return this.exceeded;
	}

}
