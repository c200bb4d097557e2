package io.artstore.query.download;

import java.util.UUID;

/**
 * One downloadable copy of a file: the storage element holding it, its base URL (internal
 * only, never shown to a client) and whether the registry sees that storage element online.
 */
record CopyLocation(UUID storageElementId, String url, boolean online) {
}
