package io.artstore.admin.auth;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Token counters: {@code artstore_admin_token_requests_total{grant_type, outcome}} where
 * outcome is {@code issued} or the error code of the refusal.
 */
public class TokenMetrics {

    private final MeterRegistry registry;

    public TokenMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void issued(String grantType) {
        record(grantType, "issued");
    }

    public void rejected(String grantType, String reason) {
        record(grantType, reason == null ? "error" : reason.toLowerCase(java.util.Locale.ROOT));
    }

    private void record(String grantType, String outcome) {
        Counter.builder("artstore.admin.token.requests")
                .description("Token requests by grant type and outcome")
                .tag("grant_type", grantType == null ? "unknown" : grantType)
                .tag("outcome", outcome)
                .register(registry)
                .increment();
    }
}
