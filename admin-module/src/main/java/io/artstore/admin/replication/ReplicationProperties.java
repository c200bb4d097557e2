package io.artstore.admin.replication;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The replication job ({@code artstore.admin.replication.*}); how many copies a file wants is
 * {@link io.artstore.admin.files.CopyCounts}.
 *
 * @param interval        period of the replication pass ({@code AM_REPLICATION_INTERVAL}); also the unit of
 *                        the back-off after a failed copy (min(2^attempts x interval, 1h))
 * @param claimTtl        how long a claim on a file lasts ({@code AM_REPLICATION_CLAIM_TTL}); renewed while a
 *                        copy streams, so only a replica that died leaves a claim to expire
 * @param batch           files claimed per pass ({@code AM_REPLICATION_BATCH})
 * @param parallelism     copies made at the same time by one replica ({@code AM_REPLICATION_PARALLELISM})
 * @param scheduling      whether the periodic pass runs (tests switch it off)
 */
@ConfigurationProperties("artstore.admin.replication")
@Validated
public record ReplicationProperties(
        @NotNull @DefaultValue("1m") Duration interval,
        @NotNull @DefaultValue("10m") Duration claimTtl,
        @Min(1) @Max(10_000) @DefaultValue("100") int batch,
        @Min(1) @Max(64) @DefaultValue("2") int parallelism,
        @DefaultValue("true") boolean scheduling) {

    /** Longest wait before a file whose copy failed is tried again. */
    public static final Duration MAX_BACK_OFF = Duration.ofHours(1);

    /** min(2^attempts x interval, 1h), {@code attempts} counting the failure just made. */
    public Duration backOff(int attempts) {
        int shift = Math.min(Math.max(attempts, 0), 20);
        long millis = interval.toMillis() << shift;
        return millis <= 0 || millis > MAX_BACK_OFF.toMillis() ? MAX_BACK_OFF : Duration.ofMillis(millis);
    }
}
