package io.artstore.storage.config;

import io.artstore.kernel.contract.StorageMode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/** Binding and validation of the SE_* settings. */
class StoragePropertiesTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(StorageProperties.class)
    static class Config {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Config.class);

    @Test
    void defaults() {
        runner.withPropertyValues("artstore.storage.storage-id=se-1", "artstore.storage.data-dir=/tmp/d",
                        "artstore.storage.wal-dir=/tmp/w")
                .run(context -> {
                    StorageProperties p = context.getBean(StorageProperties.class);
                    assertThat(p.mode()).isEqualTo(StorageMode.EDIT);
                    assertThat(p.maxFileSize().toBytes()).isEqualTo(1073741824L);
                    assertThat(p.maxCapacity()).isNull();
                    assertThat(p.gcInterval()).hasHours(1);
                    assertThat(p.reconcileInterval()).hasHours(6);
                    assertThat(p.scrubInterval()).hasDays(30);
                    assertThat(p.scrubRate()).isEqualTo(50_000_000L);
                });
    }

    @Test
    void environmentStyleValues() {
        runner.withPropertyValues("artstore.storage.storage-id=se-1", "artstore.storage.data-dir=/tmp/d",
                        "artstore.storage.wal-dir=/tmp/w", "artstore.storage.mode=rw",
                        "artstore.storage.max-file-size=5000", "artstore.storage.max-capacity=10737418240",
                        "artstore.storage.gc-interval=30s", "artstore.storage.reconcile-interval=15m")
                .run(context -> {
                    StorageProperties p = context.getBean(StorageProperties.class);
                    assertThat(p.mode()).isEqualTo(StorageMode.RW);
                    assertThat(p.maxFileSize().toBytes()).isEqualTo(5000);
                    assertThat(p.maxCapacity().toBytes()).isEqualTo(10737418240L);
                    assertThat(p.gcInterval()).hasSeconds(30);
                    assertThat(p.reconcileInterval()).hasMinutes(15);
                });
    }

    @Test
    void scrubSettings() {
        runner.withPropertyValues("artstore.storage.storage-id=se-1", "artstore.storage.data-dir=/tmp/d",
                        "artstore.storage.wal-dir=/tmp/w", "artstore.storage.scrub-interval=7d",
                        "artstore.storage.scrub-rate=20000000")
                .run(context -> {
                    StorageProperties p = context.getBean(StorageProperties.class);
                    assertThat(p.scrubInterval()).hasDays(7);
                    assertThat(p.scrubRate()).isEqualTo(20_000_000L);
                });
        runner.withPropertyValues("artstore.storage.storage-id=se-1", "artstore.storage.data-dir=/tmp/d",
                        "artstore.storage.wal-dir=/tmp/w", "artstore.storage.scrub-rate=0")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining("SE_SCRUB_RATE"));
        runner.withPropertyValues("artstore.storage.storage-id=se-1", "artstore.storage.data-dir=/tmp/d",
                        "artstore.storage.wal-dir=/tmp/w", "artstore.storage.scrub-interval=0s")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining("SE_SCRUB_INTERVAL"));
    }

    @Test
    void requiredAndInvalidValuesStopTheStart() {
        runner.withPropertyValues("artstore.storage.data-dir=/tmp/d", "artstore.storage.wal-dir=/tmp/w")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining("SE_STORAGE_ID"));
        runner.withPropertyValues("artstore.storage.storage-id=x", "artstore.storage.wal-dir=/tmp/w")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining("SE_DATA_DIR"));
        runner.withPropertyValues("artstore.storage.storage-id=x", "artstore.storage.data-dir=/tmp/d",
                        "artstore.storage.wal-dir=/tmp/w", "artstore.storage.tls-cert=/c.pem")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining("SE_TLS_KEY"));
        runner.withPropertyValues("artstore.storage.storage-id=x", "artstore.storage.data-dir=/tmp/d",
                        "artstore.storage.wal-dir=/tmp/d")
                .run(context -> assertThat(context).hasFailed());
        runner.withPropertyValues("artstore.storage.storage-id=x", "artstore.storage.data-dir=/tmp/d",
                        "artstore.storage.wal-dir=/tmp/w", "artstore.storage.mode=bogus")
                .run(context -> assertThat(context).hasFailed());
    }
}
