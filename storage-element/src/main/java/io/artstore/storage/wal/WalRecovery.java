package io.artstore.storage.wal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

import io.artstore.storage.attr.AtomicFiles;
import io.artstore.storage.attr.AttrStore;
import io.artstore.storage.attr.FileAttributes;
import io.artstore.storage.attr.StorageLayout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Startup recovery: every WAL entry still on disk is a mutation interrupted by a crash.
 * <ul>
 *   <li>upload: completed when both the data file and its sidecar are in place (the data
 *       was fsynced before the rename), otherwise rolled back — temp data, sidecar and data
 *       removed;</li>
 *   <li>update/delete: redone from the sidecar content kept in the entry, when the data
 *       file still exists;</li>
 *   <li>GC removal: completed (sidecar and data removed).</li>
 * </ul>
 * Afterwards everything in {@code .incoming} is removed: a temp file there belongs to no
 * live mutation. Nothing acknowledged is touched: an acknowledged mutation has no entry.
 */
public class WalRecovery {

    private static final Logger log = LoggerFactory.getLogger(WalRecovery.class);

    /** What recovery did with one entry. */
    public enum Outcome { COMPLETED, ROLLED_BACK }

    private final StorageLayout layout;
    private final WriteAheadLog wal;
    private final AttrStore attrStore;

    public WalRecovery(StorageLayout layout, WriteAheadLog wal, AttrStore attrStore) {
        this.layout = layout;
        this.wal = wal;
        this.attrStore = attrStore;
    }

    /** Resolves all pending entries; returns how many were completed and rolled back per operation. */
    public Map<WalOperation, Map<Outcome, Integer>> recover() throws IOException {
        wal.cleanTemporaryFiles();
        Map<WalOperation, Map<Outcome, Integer>> result = new EnumMap<>(WalOperation.class);
        for (WalEntry entry : wal.pendingOnDisk()) {
            Outcome outcome = resolve(entry);
            wal.commit(entry);
            result.computeIfAbsent(entry.operation(), k -> new EnumMap<>(Outcome.class)).merge(outcome, 1, Integer::sum);
            log.info("WAL recovery: {} of file {} ({}) {}", entry.operation().json(), entry.fileId(),
                    entry.storageFilename(), outcome.name().toLowerCase(java.util.Locale.ROOT));
        }
        cleanIncoming();
        return result;
    }

    private Outcome resolve(WalEntry entry) throws IOException {
        Path data = layout.dataFile(entry.storageFilename());
        Path attr = layout.attrFile(entry.storageFilename());
        return switch (entry.operation()) {
            case UPLOAD -> {
                if (Files.exists(data) && Files.exists(attr) && sidecarBelongsTo(attr, entry)) {
                    yield Outcome.COMPLETED;
                }
                if (entry.tempFilename() != null) {
                    AtomicFiles.delete(layout.incomingFile(entry.tempFilename()));
                }
                AtomicFiles.delete(attr);
                AtomicFiles.delete(data);
                yield Outcome.ROLLED_BACK;
            }
            case UPDATE, DELETE -> {
                if (entry.attributes() != null && Files.exists(data)) {
                    attrStore.write(entry.attributes());
                    yield Outcome.COMPLETED;
                }
                yield Outcome.ROLLED_BACK;
            }
            case GC_REMOVE -> {
                AtomicFiles.delete(attr);
                AtomicFiles.delete(data);
                yield Outcome.COMPLETED;
            }
        };
    }

    private boolean sidecarBelongsTo(Path attr, WalEntry entry) {
        try {
            FileAttributes attributes = attrStore.read(attr);
            return attributes.fileId().equals(entry.fileId())
                    && Files.size(layout.dataFile(entry.storageFilename())) == attributes.size();
        } catch (IOException ex) {
            return false;
        }
    }

    private void cleanIncoming() throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(layout.incomingDir())) {
            for (Path file : files) {
                log.info("Removing leftover temporary file {}", file.getFileName());
                Files.deleteIfExists(file);
            }
        }
        AtomicFiles.syncDirectory(layout.incomingDir());
    }
}
