package io.artstore.admin.storage;

import java.time.Instant;
import java.util.UUID;

/**
 * A row of {@code storage_elements}: a registered storage element and what it last reported.
 * The {@code filesystem*} fields are null for SEs that do not report them.
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
        Instant updatedAt) {
}
