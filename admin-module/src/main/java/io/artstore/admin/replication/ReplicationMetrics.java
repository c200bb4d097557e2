package io.artstore.admin.replication;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToLongFunction;

import io.artstore.admin.common.Timestamps;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Replication meters. Gauges read from the database (every replica reports the same figures) at
 * most every 5 seconds: {@code artstore_admin_replication_files_under_replicated},
 * {@code ..._files_without_healthy_copy}, {@code ..._pending_copies},
 * {@code ..._oldest_under_replicated_seconds}. Counters of this replica's work:
 * {@code artstore_admin_replication_copies_total{result=ok|failed}},
 * {@code artstore_admin_replication_bytes_total}.
 */
public class ReplicationMetrics {

    private static final Duration MAX_AGE = Duration.ofSeconds(5);

    private final ReplicationRepository repository;
    private final Clock clock;
    private final Counter copiesOk;
    private final Counter copiesFailed;
    private final Counter bytes;
    private final AtomicReference<Snapshot> snapshot = new AtomicReference<>(new Snapshot(null, 0));

    public ReplicationMetrics(ReplicationRepository repository, MeterRegistry registry, Clock clock) {
        this.repository = repository;
        this.clock = clock;
        gauge(registry, "artstore.admin.replication.files.under.replicated",
                "Active files with fewer ok copies than wanted", ReplicationRepository.Figures::filesUnderReplicated);
        gauge(registry, "artstore.admin.replication.files.without.healthy.copy",
                "Active files with no ok copy", ReplicationRepository.Figures::filesWithoutHealthyCopy);
        gauge(registry, "artstore.admin.replication.pending.copies",
                "Copies being made", ReplicationRepository.Figures::pendingCopies);
        gauge(registry, "artstore.admin.replication.oldest.under.replicated.seconds",
                "Seconds the longest under-replicated file has been so (0: none)",
                ReplicationRepository.Figures::oldestUnderReplicatedSeconds);
        this.copiesOk = copies(registry, "ok");
        this.copiesFailed = copies(registry, "failed");
        this.bytes = Counter.builder("artstore.admin.replication.bytes")
                .description("Bytes streamed between storage elements by the replication job")
                .baseUnit("bytes")
                .register(registry);
    }

    void copied(long byteCount) {
        copiesOk.increment();
        if (byteCount > 0) {
            bytes.increment(byteCount);
        }
    }

    void failed() {
        copiesFailed.increment();
    }

    private static Counter copies(MeterRegistry registry, String result) {
        return Counter.builder("artstore.admin.replication.copies")
                .description("Copies made by the replication job, by result")
                .tag("result", result)
                .register(registry);
    }

    private void gauge(MeterRegistry registry, String name, String description,
                       ToLongFunction<ReplicationRepository.Figures> value) {
        Gauge.builder(name, () -> {
                    ReplicationRepository.Figures figures = figures();
                    return figures == null ? Double.NaN : value.applyAsLong(figures);
                })
                .description(description)
                .register(registry);
    }

    private ReplicationRepository.Figures figures() {
        Snapshot current = snapshot.get();
        long now = System.nanoTime();
        if (current.figures() == null || now - current.takenAt() > MAX_AGE.toNanos()) {
            try {
                current = new Snapshot(repository.figures(Timestamps.now(clock)), now);
                snapshot.set(current);
            } catch (RuntimeException ex) {
                return null;
            }
        }
        return current.figures();
    }

    private record Snapshot(ReplicationRepository.Figures figures, long takenAt) {
    }
}
