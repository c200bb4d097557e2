package io.artstore.storage.info;

import io.artstore.kernel.health.ServiceIdentity;
import io.artstore.storage.attr.StorageLayout;
import io.artstore.storage.config.StorageProperties;
import io.artstore.storage.index.FileIndex;
import io.artstore.storage.mode.ModeService;
import io.artstore.storage.scrub.Scrubber;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Capacity accounting (also used by the store to reserve space for uploads in flight) and the info answer. */
@Configuration(proxyBeanMethods = false)
class InfoConfiguration {

    @Bean
    CapacityService capacityService(FileIndex index, StorageLayout layout, StorageProperties properties) {
        return new CapacityService(index, layout, properties.maxCapacity());
    }

    @Bean
    InfoService infoService(StorageProperties properties, ModeService modes, CapacityService capacity,
                            ServiceIdentity identity, StorageLayout layout, Scrubber scrubber) {
        return new InfoService(properties, modes, capacity, identity, layout, scrubber);
    }
}
