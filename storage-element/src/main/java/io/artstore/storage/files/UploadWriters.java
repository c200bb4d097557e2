package io.artstore.storage.files;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ExecutorServiceMetrics;

/**
 * The threads that write uploads to disk and start their writeback while the request threads
 * receive the next bytes ({@link PipelinedFileWrites}). Threads are made on demand and end
 * after a minute idle. Deliberately not an {@code Executor} bean, so Spring Boot's own task
 * executor stays as it is. Metrics: {@code executor_*{name="upload_writers"}}.
 */
public record UploadWriters(ExecutorService executor) implements AutoCloseable {

    public static UploadWriters start(MeterRegistry registry) {
        ExecutorService threads = Executors.newCachedThreadPool(
                Thread.ofPlatform().name("upload-writer-", 0).daemon(true).factory());
        return new UploadWriters(ExecutorServiceMetrics.monitor(registry, threads, "upload_writers"));
    }

    @Override
    public void close() {
        executor.shutdown();
    }
}
