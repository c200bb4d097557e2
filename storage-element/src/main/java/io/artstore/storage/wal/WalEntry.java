package io.artstore.storage.wal;

import java.time.Instant;
import java.util.UUID;

import io.artstore.storage.attr.FileAttributes;

/**
 * One write-ahead log record, stored as {@code <tx_id>.wal.json} while its mutation is in
 * flight.
 *
 * @param txId            transaction id, also the entry's file name
 * @param operation       what is being done
 * @param fileId          the file concerned
 * @param storageFilename the data file's name in the data directory
 * @param tempFilename    for uploads: the temporary data file in {@code .incoming}
 * @param attributes      for sidecar rewrites: the new sidecar content (redone on recovery)
 * @param startedAt       when the mutation began
 */
public record WalEntry(
        UUID txId,
        WalOperation operation,
        UUID fileId,
        String storageFilename,
        String tempFilename,
        FileAttributes attributes,
        Instant startedAt) {

    public static WalEntry upload(UUID fileId, String storageFilename, Instant now) {
        UUID tx = UUID.randomUUID();
        return new WalEntry(tx, WalOperation.UPLOAD, fileId, storageFilename, tx + ".part", null, now);
    }

    public static WalEntry rewrite(WalOperation operation, FileAttributes attributes, Instant now) {
        return new WalEntry(UUID.randomUUID(), operation, attributes.fileId(), attributes.storageFilename(), null,
                attributes, now);
    }

    public static WalEntry gcRemove(FileAttributes attributes, Instant now) {
        return new WalEntry(UUID.randomUUID(), WalOperation.GC_REMOVE, attributes.fileId(),
                attributes.storageFilename(), null, null, now);
    }
}
