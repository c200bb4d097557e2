package io.artstore.kernel.client.storage;

import java.io.IOException;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.hc.core5.concurrent.Cancellable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounds the blocking socket writes of uploads. A socket write has no timeout of its own, so a
 * storage element that stops reading (frozen rather than gone) would hold the sending thread
 * for ever. Every write of a watched body is timed; one that has not returned after the
 * timeout cancels its exchange, which closes the connection, and the write then fails with a
 * {@link SocketTimeoutException}. Time spent between writes (reading what is forwarded) is
 * not counted.
 */
final class WriteTimeouts implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WriteTimeouts.class);

    private final Duration timeout;
    private final long periodMillis;
    private final Set<Watched> watched = ConcurrentHashMap.newKeySet();
    private ScheduledExecutorService timer;
    private boolean closed;

    WriteTimeouts(Duration timeout) {
        this.timeout = timeout;
        // a write is aborted between 1× and 1.25× the timeout (at most a second late)
        this.periodMillis = Math.clamp(timeout.toMillis() / 4, 10, 1000);
    }

    /**
     * {@code out} with every write bounded by the timeout; on expiry {@code exchange} is
     * cancelled. Closing the result stops the watch and leaves {@code out} open.
     */
    OutputStream watch(OutputStream out, Cancellable exchange) {
        startTimer();
        Watched stream = new Watched(out, exchange);
        watched.add(stream);
        return stream;
    }

    private synchronized void startTimer() {
        if (closed) {
            throw new IllegalStateException("The storage-element client is closed");
        }
        if (timer == null) {
            timer = Executors.newSingleThreadScheduledExecutor(
                    Thread.ofPlatform().daemon().name("se-upload-write-timeouts").factory());
            timer.scheduleWithFixedDelay(this::expire, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
        }
    }

    private void expire() {
        long now = System.nanoTime();
        long timeoutNanos = timeout.toNanos();
        for (Watched stream : watched) {
            long since = stream.writingSince;
            if (since != 0 && now - since > timeoutNanos && !stream.expired) {
                stream.expired = true;
                log.warn("A storage element took no more of an upload for {}; the upload is aborted", timeout);
                stream.exchange.cancel();
            }
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    @FunctionalInterface
    private interface SocketWrite {
        void run() throws IOException;
    }

    private final class Watched extends OutputStream {

        private final OutputStream out;
        private final Cancellable exchange;
        /** {@link System#nanoTime()} when the write in progress began; 0 between writes. */
        private volatile long writingSince;
        private volatile boolean expired;

        Watched(OutputStream out, Cancellable exchange) {
            this.out = out;
            this.exchange = exchange;
        }

        @Override
        public void write(int b) throws IOException {
            bounded(() -> out.write(b));
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            bounded(() -> out.write(bytes, offset, length));
        }

        @Override
        public void flush() throws IOException {
            bounded(out::flush);
        }

        /** Runs one write of {@code out}, timed from its start to its end. */
        private void bounded(SocketWrite write) throws IOException {
            if (expired) {
                throw timedOut(null);
            }
            long now = System.nanoTime();
            writingSince = now == 0 ? 1 : now;
            try {
                write.run();
            } catch (IOException ex) {
                throw expired ? timedOut(ex) : ex;
            } finally {
                writingSince = 0;
            }
        }

        private SocketTimeoutException timedOut(IOException cause) {
            SocketTimeoutException timedOut = new SocketTimeoutException(
                    "The storage element took no more of the upload for " + timeout);
            timedOut.initCause(cause);
            return timedOut;
        }

        @Override
        public void close() {
            watched.remove(this);
        }
    }
}
