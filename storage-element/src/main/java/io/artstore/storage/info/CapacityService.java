package io.artstore.storage.info;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.artstore.kernel.error.ApiException;
import io.artstore.kernel.error.ErrorCode;
import io.artstore.storage.attr.StorageLayout;
import io.artstore.storage.index.FileIndex;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.util.unit.DataSize;

/**
 * Capacity bookkeeping: total is {@code SE_MAX_CAPACITY} or the size of the disk, used is
 * the bytes of all indexed files plus uploads in flight, available is bounded by both the
 * configured capacity and the free space the disk really has. The file system's own size,
 * free space and id are reported too, so that SEs sharing one disk are not counted twice.
 */
public class CapacityService {

    /** Contract CapacityInfo, extended with the (optional) file-system fields. */
    @Schema(name = "CapacityInfo")
    public record Capacity(
            @Schema(description = "Capacity of this SE: SE_MAX_CAPACITY, else the size of its file system")
            long totalBytes,
            @Schema(description = "Bytes of this SE's files (all statuses) plus uploads in flight")
            long usedBytes,
            @Schema(description = "Bytes this SE can still take: min(total - used, usable space of the file system)")
            long availableBytes,
            @Schema(description = "Opaque id of the file system of the data directory: equal for SEs that share "
                    + "one file system. Optional: absent where the platform cannot tell (count the SE alone)",
                    nullable = true, example = "5f0c3a9e2b7d4c18a6e1f02d9b3c7a41")
            @JsonInclude(JsonInclude.Include.NON_NULL) String filesystemId,
            @Schema(description = "Size of that file system in bytes") long filesystemTotalBytes,
            @Schema(description = "Bytes of that file system usable by this process (shared by all its SEs)")
            long filesystemAvailableBytes) {
    }

    private final FileIndex index;
    private final FileStore fileStore;
    private final Long maxCapacity;
    private final String filesystemId;
    private final AtomicLong inFlight = new AtomicLong();

    public CapacityService(FileIndex index, StorageLayout layout, DataSize maxCapacity) {
        this.index = index;
        this.maxCapacity = maxCapacity == null ? null : maxCapacity.toBytes();
        try {
            this.fileStore = Files.getFileStore(layout.dataDir());
        } catch (IOException ex) {
            throw new IllegalStateException("Cannot inspect the file system of the data directory", ex);
        }
        this.filesystemId = FilesystemId.of(layout.dataDir()).orElse(null);
    }

    public Capacity capacity() {
        long diskTotal = totalDisk();
        long diskUsable = usableDisk();
        long total = maxCapacity != null ? maxCapacity : diskTotal;
        long used = index.usedBytes() + inFlight.get();
        long available = Math.max(0, Math.min(total - used, diskUsable));
        return new Capacity(total, used, available, filesystemId, diskTotal, diskUsable);
    }

    /** Reserves room for {@code bytes} more bytes of an upload, or throws 507 {@code STORAGE_FULL}. */
    public void reserve(long bytes) {
        long reserved = inFlight.addAndGet(bytes);
        if (index.usedBytes() + reserved > total() || usableDisk() < bytes) {
            inFlight.addAndGet(-bytes);
            throw new ApiException(ErrorCode.STORAGE_FULL, "Not enough free space on this storage element");
        }
    }

    /** Gives back a reservation (the upload was stored, so the index now counts it, or it failed). */
    public void release(long bytes) {
        inFlight.addAndGet(-bytes);
    }

    /** Throws 507 when {@code bytes} more would certainly not fit (used before reading an upload). */
    public void ensureRoomFor(long bytes) {
        Capacity capacity = capacity();
        if (bytes > capacity.availableBytes()) {
            throw new ApiException(ErrorCode.STORAGE_FULL, "Not enough free space on this storage element");
        }
    }

    private long total() {
        return maxCapacity != null ? maxCapacity : totalDisk();
    }

    private long totalDisk() {
        try {
            return fileStore.getTotalSpace();
        } catch (IOException ex) {
            return 0;
        }
    }

    private long usableDisk() {
        try {
            return fileStore.getUsableSpace();
        } catch (IOException ex) {
            return 0;
        }
    }
}
