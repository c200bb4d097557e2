package io.artstore.storage.gc;

import java.time.Clock;

import io.artstore.storage.index.FileIndex;
import io.artstore.storage.metrics.StorageMetrics;
import io.artstore.storage.mode.ModeService;
import io.artstore.storage.store.FileStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Garbage collection (scheduled by {@code config.MaintenanceScheduling}). */
@Configuration(proxyBeanMethods = false)
class GcConfiguration {

    @Bean
    GarbageCollector garbageCollector(FileIndex index, FileStore store, ModeService modes, StorageMetrics metrics,
                                      Clock clock) {
        return new GarbageCollector(index, store, modes, metrics, clock);
    }
}
