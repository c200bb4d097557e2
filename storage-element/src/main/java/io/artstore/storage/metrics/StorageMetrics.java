package io.artstore.storage.metrics;

import java.util.Map;

import io.artstore.kernel.contract.FileStatus;
import io.artstore.kernel.contract.StorageMode;
import io.artstore.storage.index.FileIndex;
import io.artstore.storage.info.CapacityService;
import io.artstore.storage.mode.ModeService;
import io.artstore.storage.reconcile.ReconcileIssue;
import io.artstore.storage.wal.WalOperation;
import io.artstore.storage.wal.WalRecovery;
import io.artstore.storage.wal.WriteAheadLog;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Micrometer meters of the Storage Element (exposed on {@code /metrics}): files per status,
 * capacity, mode, upload/download counts and bytes, GC, reconcile and WAL recovery.
 */
public class StorageMetrics {

    private final MeterRegistry registry;

    public StorageMetrics(MeterRegistry registry, FileIndex index, CapacityService capacity, ModeService modes,
                          WriteAheadLog wal) {
        this.registry = registry;
        for (FileStatus status : FileStatus.values()) {
            Gauge.builder("se.files", index, i -> i.count(status))
                    .description("Files stored, by status").tag("status", status.value()).register(registry);
        }
        Gauge.builder("se.storage.used.bytes", capacity, c -> c.capacity().usedBytes())
                .description("Bytes stored (all statuses, plus uploads in flight)").register(registry);
        Gauge.builder("se.storage.total.bytes", capacity, c -> c.capacity().totalBytes())
                .description("Capacity of this storage element").register(registry);
        Gauge.builder("se.storage.available.bytes", capacity, c -> c.capacity().availableBytes())
                .description("Bytes still available").register(registry);
        Gauge.builder("se.filesystem.total.bytes", capacity, c -> c.capacity().filesystemTotalBytes())
                .description("Size of the file system of the data directory (shared with other SEs on it)")
                .register(registry);
        Gauge.builder("se.filesystem.available.bytes", capacity, c -> c.capacity().filesystemAvailableBytes())
                .description("Usable free bytes of the file system of the data directory").register(registry);
        for (StorageMode mode : StorageMode.values()) {
            Gauge.builder("se.mode", modes, m -> m.current() == mode ? 1 : 0)
                    .description("1 for the current mode").tag("mode", mode.value()).register(registry);
        }
        Gauge.builder("se.wal.in.flight", wal, WriteAheadLog::inFlightCount)
                .description("Mutations currently pending in the WAL").register(registry);
        registerAtZero();
    }

    /** Counters show up on /metrics from the start, not only after their first event. */
    private void registerAtZero() {
        counter("se.uploads", "Uploads", "result", "success");
        counter("se.upload.bytes", "Bytes received by successful uploads");
        counter("se.downloads", "Downloads", "result", "full");
        counter("se.downloads", "Downloads", "result", "partial");
        counter("se.download.bytes", "Bytes sent by downloads");
        counter("se.gc.runs", "GC runs");
        counter("se.copies.received", "Copies received from other SEs", "result", "stored");
        counter("se.copies.received", "Copies received from other SEs", "result", "present");
        counter("se.copies.received", "Copies received from other SEs", "result", "checksum_mismatch");
        counter("se.copy.bytes", "Bytes of stored copies");
        for (String action : new String[]{"expired", "removed", "failed"}) {
            counter("se.gc.files", "Files handled by GC", "action", action);
        }
        counter("se.reconcile.runs", "Reconcile runs");
        for (ReconcileIssue.Type type : ReconcileIssue.Type.values()) {
            counter("se.reconcile.issues", "Issues found by reconcile", "type", type.json());
        }
    }

    public void uploaded(long bytes) {
        counter("se.uploads", "Uploads", "result", "success").increment();
        counter("se.upload.bytes", "Bytes received by successful uploads").increment(bytes);
    }

    public void uploadFailed(String reason) {
        counter("se.uploads", "Uploads", "result", reason).increment();
    }

    /** A copy request's outcome: stored, present (already here) or the error code, lower case. */
    public void copyReceived(String result, long storedBytes) {
        counter("se.copies.received", "Copies received from other SEs", "result", result).increment();
        counter("se.copy.bytes", "Bytes of stored copies").increment(storedBytes);
    }

    public void downloaded(long bytes, boolean partial) {
        counter("se.downloads", "Downloads", "result", partial ? "partial" : "full").increment();
        counter("se.download.bytes", "Bytes sent by downloads").increment(bytes);
    }

    public void downloadFailed(String reason, long bytesSent) {
        counter("se.downloads", "Downloads", "result", reason).increment();
        counter("se.download.bytes", "Bytes sent by downloads").increment(bytesSent);
    }

    public void gcRun(int expired, int removed, int failures) {
        counter("se.gc.runs", "GC runs").increment();
        counter("se.gc.files", "Files handled by GC", "action", "expired").increment(expired);
        counter("se.gc.files", "Files handled by GC", "action", "removed").increment(removed);
        counter("se.gc.files", "Files handled by GC", "action", "failed").increment(failures);
    }

    public void reconcileRun(Map<ReconcileIssue.Type, Long> findings) {
        counter("se.reconcile.runs", "Reconcile runs").increment();
        for (ReconcileIssue.Type type : ReconcileIssue.Type.values()) {
            counter("se.reconcile.issues", "Issues found by reconcile", "type", type.json())
                    .increment(findings.getOrDefault(type, 0L));
        }
    }

    public void walRecovered(Map<WalOperation, Map<WalRecovery.Outcome, Integer>> recovered) {
        recovered.forEach((operation, outcomes) -> outcomes.forEach((outcome, count) ->
                counter("se.wal.recoveries", "WAL entries resolved at startup", "operation", operation.json(),
                        "outcome", outcome.name().toLowerCase(java.util.Locale.ROOT)).increment(count)));
    }

    private Counter counter(String name, String description, String... tags) {
        return Counter.builder(name).description(description).tags(tags).register(registry);
    }
}
