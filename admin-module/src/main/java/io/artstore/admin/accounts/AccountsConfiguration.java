package io.artstore.admin.accounts;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Service-account wiring. Scheduling is enabled here for the expiry gauge's refresh, independent
 * of whether the sync jobs are switched off ({@code artstore.admin.sync.scheduling=false} only
 * removes those jobs' bean).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(ServiceAccountProperties.class)
class AccountsConfiguration {

    @Bean
    ServiceAccountRepository serviceAccountRepository(JdbcClient jdbc) {
        return new ServiceAccountRepository(jdbc);
    }

    @Bean
    SecretExpiryMetrics secretExpiryMetrics(ServiceAccountRepository repository, Clock clock, MeterRegistry registry) {
        return new SecretExpiryMetrics(repository, clock, registry);
    }

    @Bean
    ServiceAccountService serviceAccountService(ServiceAccountRepository repository, PasswordEncoder passwordEncoder,
                                                ServiceAccountProperties properties, Clock clock,
                                                SecretExpiryMetrics expiryMetrics) {
        return new ServiceAccountService(repository, passwordEncoder, properties, clock, expiryMetrics);
    }
}
