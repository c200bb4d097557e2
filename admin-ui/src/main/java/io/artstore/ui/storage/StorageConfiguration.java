package io.artstore.ui.storage;

import io.artstore.ui.api.AdminApi;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Storage element pages. */
@Configuration(proxyBeanMethods = false)
class StorageConfiguration {

    @Bean
    StorageService storageService(AdminApi api) {
        return new StorageService(api);
    }
}
