package io.artstore.kernel.multipart;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Passes bytes through until more than {@code limit} have been read, then fails with
 * {@link LimitExceededException}. {@link #exceeded()} stays true afterwards, so a caller
 * whose copy loop ran on another thread can still tell "too large" from other failures.
 */
public final class LimitedInputStream extends FilterInputStream {

    private final long limit;
    private long count;
    private volatile boolean exceeded;

    public LimitedInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            add(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            add(n);
        }
        return n;
    }

    private void add(long n) throws LimitExceededException {
        count += n;
        if (count > limit) {
            exceeded = true;
            throw new LimitExceededException(limit);
        }
    }

    public boolean exceeded() {
        return exceeded;
    }

    public long count() {
        return count;
    }

    /** More bytes than allowed. */
    public static final class LimitExceededException extends IOException {
        public LimitExceededException(long limit) {
            super("Body exceeds the limit of " + limit + " bytes");
        }
    }
}
