package io.artstore.kernel.client.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import org.apache.hc.core5.concurrent.Cancellable;
import org.apache.hc.core5.http.io.entity.AbstractHttpEntity;

/**
 * A request body its writer sends straight to the connection, chunked and once: nothing is
 * buffered beyond the writer's own buffer. Every write is bounded by {@link WriteTimeouts}.
 * {@link #complete()} tells whether the whole body went out; a connection whose body was cut
 * short (the storage element answered early) is not used again.
 */
final class StreamedBody extends AbstractHttpEntity {

    /** Writes the body to the connection. */
    @FunctionalInterface
    interface Writer {
        void writeTo(OutputStream out) throws IOException;
    }

    private final Writer writer;
    private final WriteTimeouts timeouts;
    private final Cancellable exchange;
    private volatile boolean complete;

    StreamedBody(String contentType, Writer writer, WriteTimeouts timeouts, Cancellable exchange) {
        super(contentType, null, true);
        this.writer = writer;
        this.timeouts = timeouts;
        this.exchange = exchange;
    }

    boolean complete() {
        return complete;
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        try (OutputStream bounded = timeouts.watch(out, exchange)) {
            writer.writeTo(bounded);
        }
        complete = true;
    }

    @Override
    public InputStream getContent() {
        throw new UnsupportedOperationException("A streamed body is written, not read");
    }

    @Override
    public long getContentLength() {
        return -1;
    }

    @Override
    public boolean isRepeatable() {
        return false;
    }

    @Override
    public boolean isStreaming() {
        return false;
    }

    @Override
    public void close() {
        // nothing held: the writer's source belongs to the caller
    }
}
