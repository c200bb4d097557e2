package io.artstore.query.download;

import java.util.Locale;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Download metrics: {@code query_downloads_total{status}}, {@code query_download_bytes_total}
 * (bytes relayed to clients), {@code query_download_failovers_total{reason}} (a copy failed and
 * the next one was tried) and {@code query_lazy_cleanups_total} (registry rows marked deleted
 * because no copy of the file was left).
 */
public class DownloadMetrics {

    /** How a download ended. */
    public enum Result {
        /** 200 or 206 relayed completely. */
        SUCCESS,
        /** 304: the client's copy is current. */
        NOT_MODIFIED,
        /** Another storage-element answer relayed as is (416 and other 4xx). */
        REJECTED,
        /** No active file (registry or storage element). */
        NOT_FOUND,
        /** Storage element unreachable, failing or refusing query-module's credentials. */
        SE_UNAVAILABLE,
        /** The transfer broke off midway (client gone or storage element failed). */
        ABORTED
    }

    /** Why a copy could not serve a download, so that the next one was tried. */
    public enum FailoverReason {
        /** Unreachable, 5xx, refused query-module's token, or broke before anything was sent. */
        UNAVAILABLE,
        /** Answered 404: the copy is marked missing. */
        MISSING,
        /** Answered 409 COPY_CORRUPT: the copy is marked corrupt. */
        CORRUPT
    }

    private final MeterRegistry registry;
    private final Counter bytes;
    private final Counter cleanups;

    public DownloadMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.bytes = Counter.builder("query.download.bytes").baseUnit("bytes")
                .description("Bytes of file content relayed to clients").register(registry);
        this.cleanups = Counter.builder("query.lazy.cleanups")
                .description("Registry rows marked deleted because no storage element had the file any more")
                .register(registry);
    }

    public void download(Result result) {
        Counter.builder("query.downloads")
                .description("Download requests by result")
                .tag("status", result.name().toLowerCase(Locale.ROOT))
                .register(registry)
                .increment();
    }

    public void failover(FailoverReason reason) {
        Counter.builder("query.download.failovers")
                .description("Downloads moved on to another copy of the file, by why the copy before failed")
                .tag("reason", reason.name().toLowerCase(Locale.ROOT))
                .register(registry)
                .increment();
    }

    public void bytes(long count) {
        if (count > 0) {
            bytes.increment(count);
        }
    }

    public void lazyCleanup() {
        cleanups.increment();
    }
}
