package io.artstore.admin.sync;

import java.time.Clock;

import javax.sql.DataSource;

import io.artstore.admin.storage.StorageElementCalls;
import io.artstore.admin.storage.StorageElementRepository;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The registry sync and its meters, always present (registration and the manual sync use it);
 * the periodic jobs are {@link SyncScheduling}'s, which can be switched off.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SyncProperties.class)
public class SyncConfiguration {

    @Bean
    SyncMetrics syncMetrics(MeterRegistry registry) {
        return new SyncMetrics(registry);
    }

    @Bean
    RegistrySync registrySync(DataSource dataSource, StorageElementRepository storageElements,
                              StorageElementCalls calls, SyncProperties properties, SyncMetrics metrics, Clock clock) {
        return new RegistrySync(dataSource, storageElements, calls, properties, metrics, clock);
    }
}
