package io.artstore.ingester.config;

import java.util.random.RandomGenerator;

import io.artstore.ingester.health.StorageAvailabilityHealth;
import io.artstore.ingester.placement.StoragePlacement;
import io.artstore.ingester.registration.FileRegistrar;
import io.artstore.ingester.upload.UploadService;
import io.artstore.kernel.client.admin.AdminClient;
import io.artstore.kernel.client.storage.StorageElementClient;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.resilience.annotation.EnableResilientMethods;

/** Wiring of the upload path. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IngesterProperties.class)
@EnableResilientMethods
public class IngesterConfiguration {

    @Bean
    StoragePlacement storagePlacement(AdminClient admin, MeterRegistry meters) {
        return new StoragePlacement(admin, RandomGenerator.getDefault(), meters);
    }

    @Bean
    FileRegistrar fileRegistrar(AdminClient admin) {
        return new FileRegistrar(admin);
    }

    @Bean
    UploadService uploadService(IngesterProperties properties, StoragePlacement placement,
                                StorageElementClient storage, FileRegistrar registrar, MeterRegistry meters) {
        return new UploadService(properties, placement, storage, registrar, meters);
    }

    @Bean("storage")
    StorageAvailabilityHealth storageAvailabilityHealth(AdminClient admin) {
        return new StorageAvailabilityHealth(admin);
    }
}
