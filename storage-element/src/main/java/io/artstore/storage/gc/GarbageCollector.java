package io.artstore.storage.gc;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import io.artstore.kernel.contract.FileStatus;
import io.artstore.kernel.contract.StorageMode;
import io.artstore.storage.attr.FileAttributes;
import io.artstore.storage.index.FileIndex;
import io.artstore.storage.metrics.StorageMetrics;
import io.artstore.storage.mode.ModeService;
import io.artstore.storage.store.FileStore;
import io.artstore.storage.wal.WalOperation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Garbage collection: active temporary files whose TTL has run out become
 * {@code expired}; then every {@code expired} or {@code deleted} file is removed from disk
 * together with its sidecar, each step through the WAL. Runs only in the writable modes
 * ({@code edit}, {@code rw}): a read-only or archive SE is never changed.
 */
public class GarbageCollector {

    private static final Logger log = LoggerFactory.getLogger(GarbageCollector.class);

    /** What one run did. */
    public record Result(int expired, int removed, int failed) {
    }

    private final FileIndex index;
    private final FileStore store;
    private final ModeService modes;
    private final StorageMetrics metrics;
    private final Clock clock;

    GarbageCollector(FileIndex index, FileStore store, ModeService modes,
                     StorageMetrics metrics, Clock clock) {
        this.index = index;
        this.store = store;
        this.modes = modes;
        this.metrics = metrics;
        this.clock = clock;
    }

    public Result run() {
        StorageMode mode = modes.current();
        if (mode != StorageMode.EDIT && mode != StorageMode.RW) {
            log.debug("GC skipped in mode {}", mode.value());
            return new Result(0, 0, 0);
        }
        return store.maintenance(this::collect);
    }

    private Result collect() {
        Instant now = clock.instant();
        int expired = 0;
        int removed = 0;
        int failed = 0;
        for (FileAttributes file : index.snapshot()) {
            if (file.isExpiredAt(now)) {
                try {
                    if (markExpired(file.fileId(), now)) {
                        expired++;
                    }
                } catch (RuntimeException ex) {
                    failed++;
                    log.warn("GC could not mark {} expired", file.fileId(), ex);
                }
            }
        }
        for (FileAttributes file : index.snapshot()) {
            if (file.status() == FileStatus.EXPIRED || file.status() == FileStatus.DELETED) {
                try {
                    if (remove(file.fileId())) {
                        removed++;
                    }
                } catch (RuntimeException ex) {
                    failed++;
                    log.warn("GC could not remove {}", file.fileId(), ex);
                }
            }
        }
        metrics.gcRun(expired, removed, failed);
        if (expired + removed + failed > 0) {
            log.info("GC: {} expired, {} removed, {} failed", expired, removed, failed);
        }
        return new Result(expired, removed, failed);
    }

    private boolean markExpired(UUID fileId, Instant now) {
        return store.withLock(fileId, () -> index.get(fileId)
                .filter(current -> current.isExpiredAt(now))
                .map(current -> store.rewrite(WalOperation.UPDATE, current.withStatus(FileStatus.EXPIRED).withUpdatedAt(now)))
                .isPresent());
    }

    private boolean remove(UUID fileId) {
        return store.withLock(fileId, () -> index.get(fileId)
                .filter(current -> current.status() == FileStatus.EXPIRED || current.status() == FileStatus.DELETED)
                .map(current -> {
                    store.remove(current);
                    return true;
                })
                .orElse(false));
    }
}
