package io.artstore.storage.config;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@code artstore.storage.*} (each feature's configuration takes what it needs from it). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StorageProperties.class)
class PropertiesConfiguration {
}
