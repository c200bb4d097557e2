package io.artstore.storage.scrub;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import com.google.common.util.concurrent.RateLimiter;

/** Paces the scrub's reads to a number of bytes per second. */
interface ByteThrottle {

    /** How long one wait for permits lasts at most before {@code stop} is asked again. */
    long MAX_WAIT_MS = 200;

    /** Waits until {@code bytes} more may be read; throws when {@code stop} turns true meanwhile. */
    void acquire(int bytes, BooleanSupplier stop) throws InterruptedException;

    /**
     * Guava's {@link RateLimiter}, one permit per byte, a fresh one per pass (no burst saved up
     * from idle time). Its own waits cannot be cut short, so it is asked only for permits
     * available within {@link #MAX_WAIT_MS} and otherwise the scrub thread sleeps and asks again:
     * a stop is honoured within that time even at a very low rate. The thread is never
     * interrupted (an interrupt would close the WAL and sidecar channels of a write in progress).
     */
    static ByteThrottle rateLimiter(long bytesPerSecond) {
        RateLimiter limiter = RateLimiter.create(bytesPerSecond);
        return (bytes, stop) -> {
            while (!limiter.tryAcquire(bytes, MAX_WAIT_MS, TimeUnit.MILLISECONDS)) {
                if (stop.getAsBoolean()) {
                    throw new InterruptedException("stopping");
                }
                Thread.sleep(MAX_WAIT_MS / 2);
            }
        };
    }
}
