package io.artstore.storage.info;

import java.nio.file.Files;

import io.artstore.kernel.health.HealthState;
import io.artstore.storage.attr.StorageLayout;
import io.artstore.storage.wal.WriteAheadLog;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Readiness checks of the contract: {@code filesystem} and {@code wal}. */
@Configuration(proxyBeanMethods = false)
public class StorageHealthIndicators {

    /** Below this share of free capacity the SE reports itself degraded. */
    static final double LOW_SPACE_RATIO = 0.05;

    @Bean
    HealthIndicator filesystemHealthIndicator(StorageLayout layout, CapacityService capacity) {
        return () -> {
            if (!Files.isDirectory(layout.dataDir()) || !Files.isWritable(layout.dataDir())) {
                return Health.down().withDetail("message", "Data directory is not writable").build();
            }
            CapacityService.Capacity c = capacity.capacity();
            if (c.totalBytes() > 0 && c.availableBytes() < c.totalBytes() * LOW_SPACE_RATIO) {
                return Health.status(HealthState.DEGRADED_STATUS)
                        .withDetail("message", "Low free space: " + c.availableBytes() + " bytes available").build();
            }
            return Health.up().withDetail("message", "Data directory writable, " + c.availableBytes()
                    + " bytes available").build();
        };
    }

    @Bean
    HealthIndicator walHealthIndicator(WriteAheadLog wal) {
        return () -> {
            if (!Files.isDirectory(wal.directory()) || !Files.isWritable(wal.directory())) {
                return Health.down().withDetail("message", "WAL directory is not writable").build();
            }
            return Health.up().withDetail("message", "WAL writable, " + wal.inFlightCount() + " mutations in flight")
                    .build();
        };
    }
}
