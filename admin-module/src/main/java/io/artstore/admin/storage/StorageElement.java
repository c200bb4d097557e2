package io.artstore.admin.storage;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code storage_elements}: a registered storage element and what it last reported. */
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
        Instant lastSyncAt,
        Instant lastFileSyncAt,
        Instant createdAt,
        Instant updatedAt) {

    public static final String ONLINE = "online";
    public static final String OFFLINE = "offline";
}
