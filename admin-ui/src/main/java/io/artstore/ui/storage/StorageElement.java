package io.artstore.ui.storage;

import java.time.Instant;

/** A registered storage element. */
public record StorageElement(String id, String name, String url, String storageId, String mode, String status,
                             Long capacityBytes, Long usedBytes, Long availableBytes, Instant lastSyncAt,
                             Instant lastFileSyncAt, Instant createdAt, Instant updatedAt) {
}
