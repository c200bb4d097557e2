package io.artstore.kernel.testapp;

import java.util.concurrent.atomic.AtomicReference;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** A dependency check whose answer a test can set. */
@Component("dependency")
public class SwitchableHealth implements HealthIndicator {

    private final AtomicReference<Health> current = new AtomicReference<>(
            Health.up().withDetail("message", "dependency reachable").build());

    public void set(Health health) {
        current.set(health);
    }

    @Override
    public Health health() {
        return current.get();
    }
}
