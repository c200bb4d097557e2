package io.artstore.query.metadata;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/** QM_CACHE_TTL must lie within 30s..60s; QM_CACHE_MAX_SIZE must be positive. */
class MetadataCachePropertiesTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(MetadataCacheProperties.class)
    static class Config {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Config.class);

    @Test
    void defaultsAre45SecondsAnd10000Entries() {
        runner.run(context -> {
            MetadataCacheProperties properties = context.getBean(MetadataCacheProperties.class);
            assertThat(properties.ttl()).isEqualTo(Duration.ofSeconds(45));
            assertThat(properties.maxSize()).isEqualTo(10_000);
        });
    }

    @Test
    void acceptsTheBoundsOfTheTtlRange() {
        for (String ttl : new String[] {"30s", "60s", "1m", "45000ms"}) {
            runner.withPropertyValues("artstore.query.metadata-cache.ttl=" + ttl)
                    .run(context -> assertThat(context).hasNotFailed());
        }
    }

    @Test
    void rejectsTtlOutside30To60Seconds() {
        for (String ttl : new String[] {"29s", "61s", "0s", "5m"}) {
            runner.withPropertyValues("artstore.query.metadata-cache.ttl=" + ttl)
                    .run(context -> assertThat(context).hasFailed()
                            .getFailure().rootCause().hasMessageContaining("between 30s and 60s"));
        }
    }

    @Test
    void rejectsNonPositiveMaxSize() {
        runner.withPropertyValues("artstore.query.metadata-cache.max-size=0")
                .run(context -> assertThat(context).hasFailed());
    }
}
