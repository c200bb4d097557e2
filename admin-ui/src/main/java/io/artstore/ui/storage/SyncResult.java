package io.artstore.ui.storage;

import java.time.Instant;

import io.artstore.kernel.client.admin.StorageElementRecord;

/** Answer of a manual sync. */
public record SyncResult(StorageElementRecord storageElement, FileSync fileSync) {

    public record FileSync(long filesOnSe, long filesAdded, long filesUpdated, long filesMarkedDeleted,
                           Instant startedAt, Instant completedAt) {
    }
}
