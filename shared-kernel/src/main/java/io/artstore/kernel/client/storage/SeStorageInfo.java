package io.artstore.kernel.client.storage;

import java.util.List;

/** {@code GET /api/v1/info} of a storage element. */
public record SeStorageInfo(
        String storageId,
        String mode,
        String status,
        String version,
        Capacity capacity,
        String replicaMode,
        String role,
        List<String> allowedOperations) {

    public record Capacity(long totalBytes, long usedBytes, long availableBytes) {
    }
}
