package io.artstore.admin.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import io.artstore.admin.storage.StorageElement;
import io.artstore.admin.storage.StorageElementRepository;
import io.artstore.kernel.contract.StorageElementStatus;
import io.artstore.kernel.error.ApiException;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The periodic jobs, over all registered SEs in parallel (at most
 * {@code artstore.admin.sync.parallelism} at once):
 * <ul>
 *   <li>every {@code AM_SYNC_INTERVAL}: a full sync of each SE (skipped for an SE whose sync
 *       is running, on this or another replica);</li>
 *   <li>every {@code AM_SE_REFRESH_INTERVAL}: an info refresh (an unreachable SE becomes
 *       {@code offline}); an SE met for the first time, back from {@code offline}, or with no
 *       registry rows although it stores data (database restored from a backup) is fully
 *       synced at once.</li>
 * </ul>
 * Registered by {@link SyncScheduling} unless {@code artstore.admin.sync.scheduling=false}.
 */
public class SyncScheduler {

    private static final Logger log = LoggerFactory.getLogger(SyncScheduler.class);

    private final StorageElementRepository storageElements;
    private final RegistrySync sync;
    private final ExecutorService executor;

    public SyncScheduler(StorageElementRepository storageElements, RegistrySync sync, SyncProperties properties) {
        this.storageElements = storageElements;
        this.sync = sync;
        this.executor = Executors.newFixedThreadPool(properties.parallelism(), Thread.ofPlatform()
                .name("registry-sync-", 0).daemon(true).factory());
    }

    @Scheduled(fixedDelayString = "${artstore.admin.sync.interval:1h}",
            initialDelayString = "${artstore.admin.sync.interval:1h}")
    public void syncAll() {
        forEach(se -> sync.syncIfIdle(se.id()));
    }

    @Scheduled(fixedDelayString = "${artstore.admin.sync.refresh-interval:1m}", initialDelayString = "15s")
    public void refreshAll() {
        forEach(this::refresh);
    }

    /** Info refresh of one SE; a full sync when its registry rows may be missing or stale. */
    void refresh(StorageElement before) {
        StorageElement after = sync.refreshInfo(before);
        boolean backOnline = StorageElementStatus.OFFLINE.value().equals(before.status())
                && !StorageElementStatus.OFFLINE.value().equals(after.status());
        boolean neverSynced = after.lastFileSyncAt() == null;
        boolean rowsMissing = after.usedBytes() > 0 && !storageElements.hasFiles(after.id());
        if (backOnline || neverSynced || rowsMissing) {
            log.info("Full sync of {} on contact (back online: {}, never synced: {}, registry rows missing: {})",
                    after.storageId(), backOnline, neverSynced, rowsMissing);
            sync.syncIfIdle(after.id());
        }
    }

    private void forEach(Consumer<StorageElement> action) {
        List<Future<?>> runs = new ArrayList<>();
        for (StorageElement se : storageElements.all()) {
            runs.add(executor.submit(() -> {
                try {
                    action.accept(se);
                } catch (ApiException ex) {
                    log.warn("Storage element {}: {}", se.storageId(), ex.getMessage());
                } catch (RuntimeException ex) {
                    log.error("Storage element {}: periodic job failed", se.storageId(), ex);
                }
            }));
        }
        for (Future<?> run : runs) {
            try {
                run.get();
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return;
            } catch (java.util.concurrent.ExecutionException ex) {
                log.error("Periodic job failed", ex.getCause());
            }
        }
    }

    @PreDestroy
    public void shutdown() {
        executor.shutdownNow();
    }
}
