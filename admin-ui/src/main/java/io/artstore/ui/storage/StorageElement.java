package io.artstore.ui.storage;

import java.time.Instant;

/**
 * A registered storage element. The {@code filesystem*} fields are null for SEs that do not
 * report them: SEs with one {@code filesystemId} share a disk.
 */
public record StorageElement(String id, String name, String url, String storageId, String mode, String status,
                             Long capacityBytes, Long usedBytes, Long availableBytes, String filesystemId,
                             Long filesystemTotalBytes, Long filesystemAvailableBytes, Instant lastSyncAt,
                             Instant lastFileSyncAt, Instant createdAt, Instant updatedAt) {

    /** Used, free and total bytes as this SE reported them. */
    public Capacity capacity() {
        return Capacity.of(this);
    }
}
