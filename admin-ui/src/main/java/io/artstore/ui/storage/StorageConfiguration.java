package io.artstore.ui.storage;

import io.artstore.ui.api.AdminApi;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Storage element pages. */
@Configuration(proxyBeanMethods = false)
class StorageConfiguration {

    @Bean
    StorageService storageService(AdminApi api, JsonMapper json) {
        return new StorageService(api, json);
    }
}
