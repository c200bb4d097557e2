package io.artstore.storage.reconcile;

import java.time.Clock;

import io.artstore.storage.attr.StorageLayout;
import io.artstore.storage.index.FileIndex;
import io.artstore.storage.index.SidecarScanner;
import io.artstore.storage.metrics.StorageMetrics;
import io.artstore.storage.store.FileStore;
import io.artstore.storage.wal.WriteAheadLog;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Reconcile (on request and scheduled by {@code config.MaintenanceScheduling}). */
@Configuration(proxyBeanMethods = false)
class ReconcileConfiguration {

    @Bean
    ReconcileService reconcileService(StorageLayout layout, SidecarScanner scanner, FileIndex index, FileStore store,
                                      WriteAheadLog wal, StorageMetrics metrics, Clock clock) {
        return new ReconcileService(layout, scanner, index, store, wal, metrics, clock);
    }
}
