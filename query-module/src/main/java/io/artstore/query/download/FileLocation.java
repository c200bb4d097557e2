package io.artstore.query.download;

import java.util.UUID;

import io.artstore.kernel.contract.FileStatus;

/**
 * Where a file lives: the registry status and the base URL of its storage element. Internal
 * only; the URL never reaches a client.
 */
record FileLocation(UUID fileId, String status, String storageElementUrl) {

    boolean active() {
        return FileStatus.ACTIVE.value().equals(status);
    }
}
