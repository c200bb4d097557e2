package io.artstore.admin.sync;

import io.artstore.admin.storage.StorageElementRepository;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Turns the periodic sync jobs on ({@code artstore.admin.sync.scheduling}, default true). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnBooleanProperty(name = "artstore.admin.sync.scheduling", matchIfMissing = true)
public class SyncScheduling {

    @Bean
    SyncScheduler syncScheduler(StorageElementRepository storageElements, RegistrySync sync, SyncProperties properties) {
        return new SyncScheduler(storageElements, sync, properties);
    }
}
