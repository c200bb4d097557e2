package io.artstore.admin.keys;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Signing-key wiring: storage, rotation, the key cache and its readiness check. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KeyProperties.class)
class KeysConfiguration {

    @Bean
    KeyRepository keyRepository(JdbcClient jdbc) {
        return new KeyRepository(jdbc);
    }

    @Bean
    KeyWriter keyWriter(KeyRepository repository, JdbcClient jdbc, TransactionTemplate tx, KeyProperties properties,
                        Clock clock) {
        return new KeyWriter(repository, jdbc, tx, properties, clock);
    }

    @Bean
    JwtKeyStore jwtKeyStore(KeyRepository repository, KeyWriter writer, KeyProperties properties, Clock clock) {
        return new JwtKeyStore(repository, writer, properties, clock);
    }

    @Bean
    JwtKeyService jwtKeyService(JwtKeyStore store, KeyWriter writer, MeterRegistry registry) {
        return new JwtKeyService(store, writer, registry);
    }

    /** The bean name makes the readiness check {@code signingKeys}. */
    @Bean
    SigningKeysHealthIndicator signingKeysHealthIndicator(JwtKeyStore store) {
        return new SigningKeysHealthIndicator(store);
    }
}
