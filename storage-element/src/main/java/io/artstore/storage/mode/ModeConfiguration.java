package io.artstore.storage.mode;

import java.time.Clock;

import io.artstore.storage.attr.StorageLayout;
import io.artstore.storage.config.StorageProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The current mode, kept in {@code mode.json}. */
@Configuration(proxyBeanMethods = false)
class ModeConfiguration {

    @Bean
    ModeService modeService(StorageLayout layout, StorageProperties properties, Clock clock) {
        return new ModeService(layout, properties.mode(), clock);
    }
}
