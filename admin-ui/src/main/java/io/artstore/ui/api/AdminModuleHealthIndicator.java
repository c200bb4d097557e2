package io.artstore.ui.api;

import io.artstore.ui.UiProperties;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.web.client.RestClient;

/** Readiness check {@code adminModule}: admin-module's {@code /health/live} answers. */
public class AdminModuleHealthIndicator implements HealthIndicator {

    private final RestClient client;
    private final UiProperties properties;

    public AdminModuleHealthIndicator(RestClients clients, UiProperties properties) {
        this.client = clients.admin();
        this.properties = properties;
    }

    @Override
    public Health health() {
        try {
            client.get().uri("/health/live").retrieve().toBodilessEntity();
            return Health.up().withDetail("message", "admin-module answers").build();
        } catch (RuntimeException ex) {
            return Health.down().withDetail("message", "admin-module not reachable at " + properties.adminUrl()).build();
        }
    }
}
