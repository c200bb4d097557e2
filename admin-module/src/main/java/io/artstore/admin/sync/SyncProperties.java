package io.artstore.admin.sync;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Registry sync and storage-element calls ({@code artstore.admin.sync.*}).
 *
 * @param interval        period of the full sync of every storage element ({@code AM_SYNC_INTERVAL})
 * @param pageSize        page size when reading an SE's file listing ({@code AM_SYNC_PAGE_SIZE}); SEs
 *                        serve at most {@value #MAX_SE_PAGE} per page, larger values are capped
 * @param refreshInterval period of the info refresh (mode, status, capacity) of every SE
 *                        ({@code AM_SE_REFRESH_INTERVAL}); an SE seen for the first time, back
 *                        from offline, or without registry rows is fully synced then
 * @param parallelism     how many SEs are synced at the same time by the periodic jobs
 * @param seRetries       retries of an idempotent SE call that failed as unreachable / 5xx ({@code AM_SE_RETRIES})
 * @param seRetryDelay    first delay between those retries, doubled each time ({@code AM_SE_RETRY_DELAY})
 * @param scheduling      whether the periodic jobs run (tests switch them off)
 */
@ConfigurationProperties("artstore.admin.sync")
@Validated
public record SyncProperties(
        @NotNull @DefaultValue("1h") Duration interval,
        @Min(1) @Max(100_000) @DefaultValue("1000") int pageSize,
        @NotNull @DefaultValue("1m") Duration refreshInterval,
        @Min(1) @Max(64) @DefaultValue("4") int parallelism,
        @Min(0) @Max(10) @DefaultValue("2") int seRetries,
        @NotNull @DefaultValue("500ms") Duration seRetryDelay,
        @DefaultValue("true") boolean scheduling) {

    /** Largest page a storage element serves ({@code limit} 1..1000). */
    public static final int MAX_SE_PAGE = 1000;

    /** The page size actually requested from SEs. */
    public int effectivePageSize() {
        return Math.min(pageSize, MAX_SE_PAGE);
    }
}
