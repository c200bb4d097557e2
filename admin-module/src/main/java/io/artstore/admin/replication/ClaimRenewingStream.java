package io.artstore.admin.replication;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.BooleanSupplier;

/**
 * The bytes of a copy on their way from the source SE to the target: counts them, and renews the
 * file's claim at least every {@code renewEveryNanos} while they flow, so a long copy keeps its
 * claim and only a replica that died lets it expire. A lost claim (another replica took the file
 * over) aborts the copy.
 */
final class ClaimRenewingStream extends FilterInputStream {

    private final BooleanSupplier renew;
    private final long renewEveryNanos;
    private long lastRenewal = System.nanoTime();
    private long count;

    ClaimRenewingStream(InputStream in, long renewEveryNanos, BooleanSupplier renew) {
        super(in);
        this.renew = renew;
        this.renewEveryNanos = renewEveryNanos;
    }

    long count() {
        return count;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            advanced(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            advanced(n);
        }
        return n;
    }

    private void advanced(int n) throws IOException {
        count += n;
        long now = System.nanoTime();
        if (now - lastRenewal >= renewEveryNanos) {
            lastRenewal = now;
            if (!renew.getAsBoolean()) {
                throw new IOException("the replication claim on the file was lost");
            }
        }
    }
}
