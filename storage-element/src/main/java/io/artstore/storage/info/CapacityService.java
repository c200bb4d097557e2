package io.artstore.storage.info;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.util.concurrent.atomic.AtomicLong;

import io.artstore.kernel.error.ApiException;
import io.artstore.kernel.error.ErrorCode;
import io.artstore.storage.attr.StorageLayout;
import io.artstore.storage.index.FileIndex;
import org.springframework.util.unit.DataSize;

/**
 * Capacity bookkeeping: total is {@code SE_MAX_CAPACITY} or the size of the disk, used is
 * the bytes of all indexed files plus uploads in flight, available is bounded by both the
 * configured capacity and the free space the disk really has.
 */
public class CapacityService {

    /** Contract CapacityInfo. */
    public record Capacity(long totalBytes, long usedBytes, long availableBytes) {
    }

    private final FileIndex index;
    private final FileStore fileStore;
    private final Long maxCapacity;
    private final AtomicLong inFlight = new AtomicLong();

    public CapacityService(FileIndex index, StorageLayout layout, DataSize maxCapacity) {
        this.index = index;
        this.maxCapacity = maxCapacity == null ? null : maxCapacity.toBytes();
        try {
            this.fileStore = Files.getFileStore(layout.dataDir());
        } catch (IOException ex) {
            throw new IllegalStateException("Cannot inspect the file system of the data directory", ex);
        }
    }

    public Capacity capacity() {
        long total = total();
        long used = index.usedBytes() + inFlight.get();
        long available = Math.max(0, Math.min(total - used, usableDisk()));
        return new Capacity(total, used, available);
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
        if (maxCapacity != null) {
            return maxCapacity;
        }
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
