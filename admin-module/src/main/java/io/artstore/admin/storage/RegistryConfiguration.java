package io.artstore.admin.storage;

import org.springframework.context.annotation.Configuration;
import org.springframework.resilience.annotation.EnableResilientMethods;

/** Enables {@code @Retryable} for the bounded retries of storage-element calls. */
@Configuration(proxyBeanMethods = false)
@EnableResilientMethods
public class RegistryConfiguration {
}
