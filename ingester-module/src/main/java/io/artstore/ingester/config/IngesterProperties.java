package io.artstore.ingester.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Ingester settings ({@code artstore.ingester.*}, from {@code IG_*} variables).
 *
 * @param maxFileSize        largest accepted file in bytes ({@code IG_MAX_FILE_SIZE})
 * @param defaultTtlDays     TTL of temporary files when the client gives none ({@code IG_DEFAULT_TTL_DAYS})
 * @param registerRetries    retries of the registration in admin-module after the first attempt
 * @param registerDelay      first delay between registration attempts (doubles each time, at most 2 s)
 */
@ConfigurationProperties("artstore.ingester")
@Validated
public record IngesterProperties(
        @DefaultValue("1073741824") @Min(1) long maxFileSize,
        @DefaultValue("30") @Min(1) @Max(365) int defaultTtlDays,
        @DefaultValue("3") @Min(0) @Max(20) int registerRetries,
        @DefaultValue("200ms") java.time.Duration registerDelay) {
}
