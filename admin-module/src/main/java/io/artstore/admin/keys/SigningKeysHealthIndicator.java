package io.artstore.admin.keys;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** Readiness check {@code signingKeys}: an active signing key exists and can be read. */
public class SigningKeysHealthIndicator implements HealthIndicator {

    private final JwtKeyStore store;

    public SigningKeysHealthIndicator(JwtKeyStore store) {
        this.store = store;
    }

    @Override
    public Health health() {
        try {
            String kid = store.activeKeyId();
            store.usableKeys();
            return Health.up().withDetail("message", "active key " + kid).build();
        } catch (RuntimeException ex) {
            return Health.down().withDetail("message", "signing keys unavailable").build();
        }
    }
}
