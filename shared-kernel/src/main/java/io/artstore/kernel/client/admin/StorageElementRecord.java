package io.artstore.kernel.client.admin;

import java.time.Instant;
import java.util.UUID;

/** A storage element as admin-module's registry lists it (contract StorageElement). */
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
        Instant lastSyncAt,
        Instant lastFileSyncAt,
        Instant createdAt,
        Instant updatedAt) {

    /** Free bytes: the reported value, else capacity minus used. */
    public long free() {
        return availableBytes != null ? availableBytes : Math.max(0, capacityBytes - usedBytes);
    }
}
