package io.artstore.admin.sync;

import java.time.Instant;

import io.artstore.admin.storage.StorageElement;

/**
 * Outcome of one sync of a storage element: the SE after it, and what changed in the registry.
 * {@code filesMarkedDeleted} is always 0 since files have copies: a file absent from one SE only
 * marks that copy missing ({@code copiesMarkedMissing}); {@code staleCopiesUpdated} counts this
 * SE's sidecars brought up to the registry's newer metadata, {@code staleCopiesFailed} those that
 * could not be (retried by the next sync).
 */
public record SyncReport(
        StorageElement storageElement,
        long filesOnSe,
        long filesAdded,
        long filesUpdated,
        long filesMarkedDeleted,
        Instant startedAt,
        Instant completedAt,
        long durationMs,
        long copiesMarkedMissing,
        long staleCopiesUpdated,
        long staleCopiesFailed) {
}
