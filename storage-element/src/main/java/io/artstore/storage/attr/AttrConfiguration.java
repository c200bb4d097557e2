package io.artstore.storage.attr;

import io.artstore.storage.config.StorageProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The directory layout and the sidecar store. */
@Configuration(proxyBeanMethods = false)
class AttrConfiguration {

    @Bean
    StorageLayout storageLayout(StorageProperties properties) {
        return StorageLayout.of(properties);
    }

    @Bean
    AttrStore attrStore(StorageLayout layout) {
        return new AttrStore(layout);
    }
}
