package io.artstore.storage.config;

import java.nio.file.Path;
import java.time.Duration;

import io.artstore.kernel.contract.StorageMode;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Storage Element settings ({@code artstore.storage.*}, mapped from the {@code SE_*}
 * environment variables in {@code application.yml}).
 *
 * @param storageId         unique id of this SE ({@code SE_STORAGE_ID}, required)
 * @param dataDir           directory of data files and their sidecars ({@code SE_DATA_DIR}, required)
 * @param walDir            write-ahead log directory ({@code SE_WAL_DIR}, required)
 * @param mode              initial mode, used only while no {@code mode.json} exists ({@code SE_MODE})
 * @param maxFileSize       largest accepted upload ({@code SE_MAX_FILE_SIZE})
 * @param maxCapacity       total bytes this SE may store; empty means the size of the disk ({@code SE_MAX_CAPACITY})
 * @param gcInterval        delay between garbage collection runs ({@code SE_GC_INTERVAL})
 * @param reconcileInterval delay between reconcile runs ({@code SE_RECONCILE_INTERVAL})
 * @param scrubInterval     a fixity pass starts when the last complete one finished longer ago ({@code SE_SCRUB_INTERVAL})
 * @param scrubRate         bytes per second the scrub reads at most ({@code SE_SCRUB_RATE})
 * @param tlsCert           PEM certificate chain; HTTPS when set together with {@code tlsKey} ({@code SE_TLS_CERT})
 * @param tlsKey            PEM private key ({@code SE_TLS_KEY})
 */
@ConfigurationProperties("artstore.storage")
@Validated
public record StorageProperties(
        @NotBlank(message = "SE_STORAGE_ID is required") String storageId,
        @NotBlank(message = "SE_DATA_DIR is required") String dataDir,
        @NotBlank(message = "SE_WAL_DIR is required") String walDir,
        @NotNull @DefaultValue("edit") StorageMode mode,
        @NotNull @DefaultValue("1GB") DataSize maxFileSize,
        DataSize maxCapacity,
        @NotNull @DefaultValue("1h") Duration gcInterval,
        @NotNull @DefaultValue("6h") Duration reconcileInterval,
        @NotNull @DefaultValue("30d") Duration scrubInterval,
        @DefaultValue("50000000") @Positive(message = "SE_SCRUB_RATE must be a positive number of bytes per second")
        long scrubRate,
        String tlsCert,
        String tlsKey) {

    public Path dataPath() {
        return Path.of(dataDir).toAbsolutePath().normalize();
    }

    public Path walPath() {
        return Path.of(walDir).toAbsolutePath().normalize();
    }

    @AssertTrue(message = "SE_MAX_FILE_SIZE must be positive")
    boolean isMaxFileSizePositive() {
        return maxFileSize == null || maxFileSize.toBytes() > 0;
    }

    @AssertTrue(message = "SE_MAX_CAPACITY must be positive when set")
    boolean isMaxCapacityPositive() {
        return maxCapacity == null || maxCapacity.toBytes() > 0;
    }

    @AssertTrue(message = "SE_GC_INTERVAL, SE_RECONCILE_INTERVAL and SE_SCRUB_INTERVAL must be positive")
    boolean isIntervalsPositive() {
        return (gcInterval == null || gcInterval.isPositive())
                && (reconcileInterval == null || reconcileInterval.isPositive())
                && (scrubInterval == null || scrubInterval.isPositive());
    }

    @AssertTrue(message = "SE_TLS_CERT and SE_TLS_KEY must be set together")
    boolean isTlsComplete() {
        return isBlank(tlsCert) == isBlank(tlsKey);
    }

    @AssertTrue(message = "SE_DATA_DIR and SE_WAL_DIR must be different directories")
    boolean isDirectoriesDistinct() {
        return isBlank(dataDir) || isBlank(walDir) || !dataPath().equals(walPath());
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
