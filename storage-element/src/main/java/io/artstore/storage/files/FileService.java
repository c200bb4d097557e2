package io.artstore.storage.files;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import io.artstore.kernel.contract.FileStatus;
import io.artstore.kernel.contract.MetadataRules;
import io.artstore.kernel.contract.StorageOperation;
import io.artstore.kernel.error.ApiException;
import io.artstore.kernel.paging.Page;
import io.artstore.kernel.paging.PageQuery;
import io.artstore.storage.attr.FileAttributes;
import io.artstore.storage.index.FileIndex;
import io.artstore.storage.mode.ModeService;
import io.artstore.storage.store.FileStore;
import io.artstore.storage.wal.WalOperation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Metadata reads (from the index) and metadata changes (through the WAL). */
public class FileService {

    private static final Logger log = LoggerFactory.getLogger(FileService.class);

    private final FileIndex index;
    private final FileStore store;
    private final ModeService modes;
    private final Clock clock;

    FileService(FileIndex index, FileStore store, ModeService modes, Clock clock) {
        this.index = index;
        this.store = store;
        this.modes = modes;
        this.clock = clock;
    }

    public Page<FileAttributes> list(FileStatus status, PageQuery page) {
        modes.require(StorageOperation.LIST);
        FileIndex.Slice slice = index.page(status, page.offset(), page.limit());
        return Page.of(slice.items(), slice.total(), page);
    }

    public FileAttributes get(UUID fileId) {
        modes.require(StorageOperation.LIST);
        return find(fileId);
    }

    public FileAttributes update(UUID fileId, FileMetadataUpdate update) {
        modes.require(StorageOperation.UPDATE);
        if (update == null || update.description() == null && update.tags() == null) {
            throw ApiException.validation("At least one of description, tags is required");
        }
        String description = MetadataRules.description(update.description());
        List<String> tags = update.tags() == null ? null : MetadataRules.tags(update.tags());
        return store.withLock(fileId, () -> {
            FileAttributes current = find(fileId);
            if (current.status() != FileStatus.ACTIVE) {
                throw ApiException.conflict("File is " + current.status().value() + " and cannot be changed");
            }
            FileAttributes changed = current.withDescriptionAndTags(
                    description != null ? description : current.description(),
                    tags != null ? tags : current.tags()).withUpdatedAt(now());
            return store.rewrite(WalOperation.UPDATE, changed);
        });
    }

    /** Soft delete: the sidecar gets status {@code deleted}; GC removes the data later. Idempotent. */
    public void delete(UUID fileId) {
        modes.require(StorageOperation.DELETE);
        store.withLock(fileId, () -> {
            FileAttributes current = find(fileId);
            if (current.status() == FileStatus.DELETED) {
                return current;
            }
            log.info("File {} marked deleted", fileId);
            return store.rewrite(WalOperation.DELETE, current.withStatus(FileStatus.DELETED).withUpdatedAt(now()));
        });
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    FileAttributes find(UUID fileId) {
        return index.get(fileId).orElseThrow(() -> ApiException.notFound("File not found"));
    }
}
