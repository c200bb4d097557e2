package io.artstore.admin.storage;

import java.time.Instant;
import java.util.UUID;

/**
 * A row of {@code storage_elements}: a registered storage element and what it last reported.
 * The {@code filesystem*} fields are null for SEs that do not report them.
 *
 * @param site             the site label set on the registry (null: the SE is its own site, see {@link #effectiveSite()})
 * @param drainRequestedAt set while the SE is being drained: its copies no longer count toward wanted copies
 * @param lastScrubAt      when the SE's last complete scrub pass finished (null: never or unknown)
 */
public record StorageElement(
        UUID id,
        String name,
        String url,
        String storageId,
        String mode,
        String status,
        long capacityBytes,
        long usedBytes,
        long availableBytes,
        String filesystemId,
        Long filesystemTotalBytes,
        Long filesystemAvailableBytes,
        Instant lastSyncAt,
        Instant lastFileSyncAt,
        Instant createdAt,
        Instant updatedAt,
        String site,
        Instant drainRequestedAt,
        Instant lastScrubAt) {

    /** The site copies are spread over: the label, else the SE's registry id as text. */
    public String effectiveSite() {
        return site != null ? site : id.toString();
    }

    public boolean draining() {
        return drainRequestedAt != null;
    }

    /**
     * The same SE with {@code bytes} less available: what the replication job assumes while it
     * sends copies there, so that one pass spreads its copies instead of sending them all to the
     * SE that had the most space at the last sync.
     */
    public StorageElement reserving(long bytes) {
        return new StorageElement(id, name, url, storageId, mode, status, capacityBytes, usedBytes,
                Math.max(0, availableBytes - bytes), filesystemId, filesystemTotalBytes, filesystemAvailableBytes,
                lastSyncAt, lastFileSyncAt, createdAt, updatedAt, site, drainRequestedAt, lastScrubAt);
    }
}
