package io.artstore.kernel.client.admin;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A storage element as admin-module's registry lists it (contract StorageElement). The
 * {@code filesystem*} fields are null for SEs that do not report them: SEs with one
 * {@code filesystemId} share a disk. Fields admin-module adds later are ignored, so a newer
 * admin-module does not break its readers.
 *
 * @param site             the site label copies are spread over (the SE's own id when none was set)
 * @param drainRequestedAt set while the SE is being drained (its files copied elsewhere)
 * @param lastScrubAt      when the SE's last complete fixity pass finished (null: never or unknown)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StorageElementRecord(
        UUID id,
        String name,
        String url,
        String storageId,
        String mode,
        String status,
        long capacityBytes,
        long usedBytes,
        Long availableBytes,
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

    /** Free bytes: the reported value, else capacity minus used. */
    public long free() {
        return availableBytes != null ? availableBytes : Math.max(0, capacityBytes - usedBytes);
    }
}
