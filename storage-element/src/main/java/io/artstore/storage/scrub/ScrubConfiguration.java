package io.artstore.storage.scrub;

import java.time.Clock;

import io.artstore.storage.attr.StorageLayout;
import io.artstore.storage.config.StorageProperties;
import io.artstore.storage.index.FileIndex;
import io.artstore.storage.store.FileStore;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The fixity scrub (on request and started when due by {@code config.MaintenanceScheduling}). */
@Configuration(proxyBeanMethods = false)
class ScrubConfiguration {

    @Bean
    Scrubber scrubber(StorageLayout layout, FileIndex index, FileStore store, StorageProperties properties,
                      MeterRegistry registry, Clock clock) {
        return new Scrubber(layout, index, store, new ScrubCursor(layout), ByteThrottle::rateLimiter,
                properties.scrubRate(), properties.scrubInterval(), registry, clock);
    }
}
