package io.artstore.admin.storage;

import java.time.Clock;

import io.artstore.admin.files.CopyCounts;
import io.artstore.admin.sync.RegistrySync;
import io.artstore.kernel.client.storage.StorageElementClient;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.resilience.annotation.EnableResilientMethods;

/**
 * The storage-element registry: its SQL, the calls to SEs (with {@code @Retryable}'s bounded
 * retries, hence {@code @EnableResilientMethods}), the service behind its endpoints and its gauge.
 */
@Configuration(proxyBeanMethods = false)
@EnableResilientMethods
public class RegistryConfiguration {

    @Bean
    StorageElementRepository storageElementRepository(JdbcClient jdbc) {
        return new StorageElementRepository(jdbc);
    }

    @Bean
    StorageElementCalls storageElementCalls(StorageElementClient client) {
        return new StorageElementCalls(client);
    }

    @Bean
    StorageElementService storageElementService(StorageElementRepository repository, StorageElementCalls calls,
                                                RegistrySync sync, CopyCounts copies, Clock clock) {
        return new StorageElementService(repository, calls, sync, copies, clock);
    }

    @Bean
    StorageElementGauge storageElementGauge(StorageElementRepository repository, MeterRegistry registry) {
        return new StorageElementGauge(repository, registry);
    }
}
