package io.artstore.admin.sync;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Sync meters: {@code artstore_admin_sync_runs_total{storage_id, outcome=success|failure}},
 * {@code artstore_admin_sync_files_total{storage_id, change=added|updated|marked_deleted}} and
 * the timer {@code artstore_admin_sync_duration_seconds{storage_id, outcome}}.
 */
public class SyncMetrics {

    private final MeterRegistry registry;

    public SyncMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void success(SyncReport report) {
        String storageId = report.storageElement().storageId();
        run(storageId, "success", Duration.ofMillis(report.durationMs()));
        files(storageId, "added", report.filesAdded());
        files(storageId, "updated", report.filesUpdated());
        files(storageId, "marked_deleted", report.filesMarkedDeleted());
        files(storageId, "copy_marked_missing", report.copiesMarkedMissing());
        files(storageId, "stale_copy_updated", report.staleCopiesUpdated());
        files(storageId, "stale_copy_failed", report.staleCopiesFailed());
    }

    void failure(String storageId, Duration duration) {
        run(storageId, "failure", duration);
    }

    private void run(String storageId, String outcome, Duration duration) {
        Counter.builder("artstore.admin.sync.runs")
                .description("Registry sync runs by storage element and outcome")
                .tag("storage_id", storageId)
                .tag("outcome", outcome)
                .register(registry)
                .increment();
        Timer.builder("artstore.admin.sync.duration")
                .description("Duration of registry sync runs")
                .tag("storage_id", storageId)
                .tag("outcome", outcome)
                .register(registry)
                .record(duration);
    }

    private void files(String storageId, String change, long count) {
        Counter counter = Counter.builder("artstore.admin.sync.files")
                .description("Registry rows changed by sync")
                .tag("storage_id", storageId)
                .tag("change", change)
                .register(registry);
        if (count > 0) {
            counter.increment(count);
        }
    }
}
