package io.artstore.ui.api;

import io.artstore.ui.UiProperties;
import io.artstore.ui.auth.AccessTokens;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

/** The clients of admin-module's and query-module's APIs and the readiness check on admin-module. */
@Configuration(proxyBeanMethods = false)
class ApiConfiguration {

    @Bean
    RestClients restClients(RestClient.Builder builder, UiProperties properties) {
        return new RestClients(builder, properties);
    }

    @Bean
    AdminApi adminApi(RestClients clients, AccessTokens tokens) {
        return new AdminApi(clients, tokens);
    }

    /** The bean name is the readiness check's name. */
    @Bean("adminModule")
    AdminModuleHealthIndicator adminModuleHealthIndicator(RestClients clients, UiProperties properties) {
        return new AdminModuleHealthIndicator(clients, properties);
    }
}
