package io.artstore.ui.storage;

import java.time.Instant;

/** Answer of a manual sync. */
public record SyncResult(StorageElement storageElement, FileSync fileSync) {

    public record FileSync(long filesOnSe, long filesAdded, long filesUpdated, long filesMarkedDeleted,
                           Instant startedAt, Instant completedAt) {
    }
}
