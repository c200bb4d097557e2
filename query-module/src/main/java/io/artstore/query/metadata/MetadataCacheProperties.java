package io.artstore.query.metadata;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The in-memory metadata cache ({@code artstore.query.metadata-cache.*}).
 *
 * @param ttl     how long an entry is served after it was loaded: 30s..60s ({@code QM_CACHE_TTL})
 * @param maxSize most entries kept; least recently used ones go first ({@code QM_CACHE_MAX_SIZE})
 */
@ConfigurationProperties("artstore.query.metadata-cache")
@Validated
public record MetadataCacheProperties(
        @DefaultValue("45s")
        @DurationMin(seconds = 30, message = "must be between 30s and 60s")
        @DurationMax(seconds = 60, message = "must be between 30s and 60s") Duration ttl,
        @DefaultValue("10000") @Min(1) @Max(10_000_000) long maxSize) {
}
