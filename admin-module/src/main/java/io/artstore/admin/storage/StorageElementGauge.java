package io.artstore.admin.storage;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import io.artstore.kernel.contract.StorageElementStatus;
import io.artstore.kernel.contract.StorageMode;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code artstore_admin_storage_elements{mode, status}}: registered SEs per mode and status,
 * read from the database (so every replica reports the same) at most every 5 seconds.
 */
public class StorageElementGauge {

    private static final Duration MAX_AGE = Duration.ofSeconds(5);

    private final StorageElementRepository repository;
    private final AtomicReference<Snapshot> snapshot = new AtomicReference<>(new Snapshot(Map.of(), 0));

    public StorageElementGauge(StorageElementRepository repository, MeterRegistry registry) {
        this.repository = repository;
        for (StorageMode mode : StorageMode.values()) {
            for (StorageElementStatus status : StorageElementStatus.values()) {
                Gauge.builder("artstore.admin.storage.elements", () -> count(mode.value(), status.value()))
                        .description("Registered storage elements by mode and status")
                        .tag("mode", mode.value())
                        .tag("status", status.value())
                        .register(registry);
            }
        }
    }

    private double count(String mode, String status) {
        Snapshot current = snapshot.get();
        long now = System.nanoTime();
        if (current.takenAt() == 0 || now - current.takenAt() > MAX_AGE.toNanos()) {
            try {
                current = new Snapshot(repository.countByModeAndStatus(), now);
                snapshot.set(current);
            } catch (RuntimeException ex) {
                return Double.NaN;
            }
        }
        return current.counts().getOrDefault(List.of(mode, status), 0L);
    }

    private record Snapshot(Map<List<String>, Long> counts, long takenAt) {
    }
}
