package io.artstore.query.download;

import java.util.UUID;

/**
 * Where a file lives: the registry status and the base URL of its storage element. Internal
 * only; the URL never reaches a client.
 */
record FileLocation(UUID fileId, String status, String storageElementUrl) {

    boolean active() {
        return "active".equals(status);
    }
}
