package io.artstore.ui.auth;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts why UI requests were refused ({@code artstore_ui_refusals_total{reason}}): many
 * {@code session_ended} point at a too short session timeout, many {@code form_expired}
 * at pages outliving their CSRF token, {@code role} at readonly users trying changes.
 */
public class Refusals {

    private final Counter sessionEnded;
    private final Counter formExpired;
    private final Counter role;

    public Refusals(MeterRegistry registry) {
        this.sessionEnded = counter(registry, "session_ended");
        this.formExpired = counter(registry, "form_expired");
        this.role = counter(registry, "role");
    }

    public void sessionEnded() {
        sessionEnded.increment();
    }

    public void formExpired() {
        formExpired.increment();
    }

    public void role() {
        role.increment();
    }

    private static Counter counter(MeterRegistry registry, String reason) {
        return Counter.builder("artstore.ui.refusals").description("UI requests refused, by reason")
                .tag("reason", reason).register(registry);
    }
}
