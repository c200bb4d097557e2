package io.artstore.storage.store;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ExecutorServiceMetrics;

/**
 * The threads that hash and write uploads to disk while the request threads receive the next
 * bytes, and the direct buffers of their {@code O_DIRECT} writes ({@link PipelinedFileWrites}). Threads are made on demand and end
 * after a minute idle. Deliberately not an {@code Executor} bean, so Spring Boot's own task
 * executor stays as it is. Metrics: {@code executor_*{name="upload_writers"}}.
 */
record UploadWriters(ExecutorService executor, AlignedBuffers directBuffers) implements AutoCloseable {

    /** The reads after an upload's first buffer, and its {@code O_DIRECT} writes. */
    static final int DIRECT_BUFFER_SIZE = 1024 * 1024;
    /** Direct buffers kept for reuse once their uploads ended. */
    static final int IDLE_DIRECT_BUFFERS = 8;

    static UploadWriters start(MeterRegistry registry) {
        ExecutorService threads = Executors.newCachedThreadPool(
                Thread.ofPlatform().name("upload-writer-", 0).daemon(true).factory());
        return new UploadWriters(ExecutorServiceMetrics.monitor(registry, threads, "upload_writers"),
                new AlignedBuffers(DIRECT_BUFFER_SIZE, IDLE_DIRECT_BUFFERS));
    }

    @Override
    public void close() {
        executor.shutdown();
    }
}
