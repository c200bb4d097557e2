package io.artstore.admin.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * {@code artstore_admin_service_account_secret_expires_in_seconds{client_id, name}}: seconds until
 * the secret of each service account that has an expiry runs out (negative once expired), so an
 * alert can warn before a service silently loses its token. Accounts without expiry have no series.
 * The set of accounts is re-read every minute (other replicas change it too) and after each change
 * made here; the value itself is computed at scrape time from the stored expiry.
 */
class SecretExpiryMetrics {

    private static final Logger log = LoggerFactory.getLogger(SecretExpiryMetrics.class);

    private final ServiceAccountRepository repository;
    private final Clock clock;
    private final MultiGauge gauge;

    SecretExpiryMetrics(ServiceAccountRepository repository, Clock clock, MeterRegistry registry) {
        this.repository = repository;
        this.clock = clock;
        this.gauge = MultiGauge.builder("artstore.admin.service.account.secret.expires.in")
                .description("Seconds until the service account's client secret expires (negative: expired)")
                .baseUnit("seconds")
                .register(registry);
    }

    @EventListener(ApplicationReadyEvent.class)
    @Scheduled(fixedDelayString = "${artstore.admin.service-accounts.expiry-metric-refresh:1m}",
            initialDelayString = "${artstore.admin.service-accounts.expiry-metric-refresh:1m}")
    void refresh() {
        try {
            // Accounts are few (one per service), so one series per account stays small.
            gauge.register(repository.listExpiring().stream()
                    .map(account -> MultiGauge.Row.of(Tags.of("client_id", account.clientId(), "name", account.name()),
                            account.secretExpiresAt(), this::secondsUntil))
                    .toList(), true);
        } catch (DataAccessException ex) {
            // Keeps the last known series; the next run tries again.
            log.warn("Cannot refresh the service-account expiry gauge: {}", ex.getMessage());
        }
    }

    private double secondsUntil(Instant expiresAt) {
        return Duration.between(clock.instant(), expiresAt).toMillis() / 1000.0;
    }
}
