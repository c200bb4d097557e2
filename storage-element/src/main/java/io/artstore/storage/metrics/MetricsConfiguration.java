package io.artstore.storage.metrics;

import io.artstore.storage.index.FileIndex;
import io.artstore.storage.info.CapacityService;
import io.artstore.storage.mode.ModeService;
import io.artstore.storage.wal.RecoveryResult;
import io.artstore.storage.wal.WriteAheadLog;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The se_* meters. */
@Configuration(proxyBeanMethods = false)
class MetricsConfiguration {

    @Bean
    StorageMetrics storageMetrics(MeterRegistry registry, FileIndex index, CapacityService capacity, ModeService modes,
                                  WriteAheadLog wal, RecoveryResult recovered) {
        StorageMetrics metrics = new StorageMetrics(registry, index, capacity, modes, wal);
        metrics.walRecovered(recovered.counts());
        return metrics;
    }
}
