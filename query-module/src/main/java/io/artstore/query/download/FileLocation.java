package io.artstore.query.download;

import java.util.List;
import java.util.UUID;

import io.artstore.kernel.contract.FileStatus;

/**
 * A file as the download proxy sees it: its registry status, the copies a download may be
 * served from (status {@code ok}, on a storage element whose mode allows downloads; in the
 * registry's order, first-stored SE first) and whether any copy at all is still alive
 * ({@code ok}, {@code pending} or {@code corrupt}). Internal only; no URL reaches a client.
 */
record FileLocation(UUID fileId, String status, List<CopyLocation> copies, boolean anyCopyAlive) {

    FileLocation {
        copies = List.copyOf(copies);
    }

    boolean active() {
        return FileStatus.ACTIVE.value().equals(status);
    }
}
