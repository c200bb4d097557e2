package io.artstore.admin.sync;

import java.time.Instant;

import io.artstore.admin.storage.StorageElement;

/** Outcome of one sync of a storage element: the SE after it, and what changed in the registry. */
public record SyncReport(
        StorageElement storageElement,
        long filesOnSe,
        long filesAdded,
        long filesUpdated,
        long filesMarkedDeleted,
        Instant startedAt,
        Instant completedAt,
        long durationMs) {
}
