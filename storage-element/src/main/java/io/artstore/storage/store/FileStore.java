package io.artstore.storage.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

import io.artstore.kernel.contract.CopyStatus;
import io.artstore.kernel.error.ApiException;
import io.artstore.kernel.error.ErrorCode;
import io.artstore.storage.attr.AtomicFiles;
import io.artstore.storage.attr.AttrStore;
import io.artstore.storage.attr.FileAttributes;
import io.artstore.storage.attr.StorageLayout;
import io.artstore.storage.index.FileIndex;
import io.artstore.storage.info.CapacityService;
import io.artstore.storage.wal.WalEntry;
import io.artstore.storage.wal.WalOperation;
import io.artstore.storage.wal.WriteAheadLog;
import org.springframework.util.function.SingletonSupplier;

/**
 * The storage engine's facade, the only way the HTTP side ({@code files}), GC, reconcile and the scrub
 * change the data directory. Every change is guarded by the WAL:
 * WAL entry (pending, fsync) → data to a temp name + fsync → attr.json (atomic) → rename
 * into place → WAL commit → index update. The index changes only after the disk did.
 * How upload bytes reach the disk (pipelined, {@code O_DIRECT}, aligned buffers) and the
 * per-file locks stay inside this package.
 */
public class FileStore {

    /** The I/O buffer: an upload's first read, and each read of a download. */
    public static final int BUFFER_SIZE = 256 * 1024;
    /** Written bytes after which an upload's file starts being written back to the disk. */
    static final long WRITEBACK_EVERY = 32L * 1024 * 1024;

    /** An upload whose data is durable under a temp name, not yet visible. */
    public record StagedUpload(WalEntry entry, Path tempFile, long size, String checksum, long reserved) {
    }

    private final StorageLayout layout;
    private final WriteAheadLog wal;
    private final AttrStore attrStore;
    private final FileIndex index;
    private final CapacityService capacity;
    private final Clock clock;
    private final UploadWriters uploadWriters;
    private final FileLocks locks;
    // looked up once, at the first large upload (it reads the mount table)
    private final SingletonSupplier<Integer> incomingBlockSize;
    private final ReadWriteLock indexSwap = new ReentrantReadWriteLock();
    private final ReentrantLock maintenance = new ReentrantLock();

    FileStore(StorageLayout layout, WriteAheadLog wal, AttrStore attrStore, FileIndex index,
              CapacityService capacity, Clock clock, UploadWriters uploadWriters, FileLocks locks) {
        this.layout = layout;
        this.wal = wal;
        this.attrStore = attrStore;
        this.index = index;
        this.capacity = capacity;
        this.clock = clock;
        this.uploadWriters = uploadWriters;
        this.locks = locks;
        this.incomingBlockSize = SingletonSupplier.of(() -> PipelinedFileWrites.blockSize(layout.incomingDir()));
    }

    /**
     * Streams {@code in} to a temp file under a pending WAL entry, computing SHA-256 on the
     * way and enforcing the size limit and capacity; the temp file is fsynced. A file larger than
     * one buffer is hashed and written on {@code uploadWriters} while the next buffer is received,
     * bypassing the page cache where the file system allows ({@link PipelinedFileWrites}).
     * On failure nothing is left behind.
     */
    public StagedUpload stage(UUID fileId, String storageFilename, InputStream in, long maxSize) {
        WalEntry entry = WalEntry.upload(fileId, storageFilename, clock.instant());
        try {
            wal.begin(entry);
        } catch (IOException ex) {
            throw noSpace(ex) ? storageFull(ex) : storageFailure("Cannot write the WAL entry", ex);
        }
        Path temp = layout.incomingFile(entry.tempFilename());
        long reserved = 0;
        long written = 0;
        MessageDigest sha256 = sha256();
        try (PipelinedFileWrites writes = new PipelinedFileWrites(temp, uploadWriters.executor(),
                uploadWriters.directBuffers(), BUFFER_SIZE, WRITEBACK_EVERY, sha256, incomingBlockSize.obtain())) {
            byte[] buffer = writes.buffer();
            int read;
            // Fill the whole buffer before handing it over: the multipart parser hands out small
            // slices, and one write per slice would cost a system call each.
            while ((read = in.readNBytes(buffer, 0, buffer.length)) > 0) {
                written += read;
                if (written > maxSize) {
                    throw new ApiException(ErrorCode.FILE_TOO_LARGE,
                            "File exceeds the size limit of " + maxSize + " bytes");
                }
                capacity.reserve(read);
                reserved += read;
                buffer = writes.write(read);
            }
            writes.finish();
            return new StagedUpload(entry, temp, written, HexFormat.of().formatHex(sha256.digest()), reserved);
        } catch (IOException | RuntimeException ex) {
            capacity.release(reserved);
            deleteQuietly(temp);
            wal.abort(entry);
            if (ex instanceof ApiException api) {
                throw api;
            }
            if (noSpace(ex)) {
                throw storageFull(ex);
            }
            if (ex instanceof IOException io) {
                throw new UploadInterruptedException(io);
            }
            throw (RuntimeException) ex;
        }
    }

    /** Makes a staged upload visible: sidecar, rename into place, WAL commit, index. */
    public FileAttributes commitUpload(StagedUpload staged, FileAttributes attributes) {
        indexSwap.readLock().lock();
        try {
            attrStore.write(attributes);
            AtomicFiles.move(staged.tempFile(), layout.dataFile(attributes.storageFilename()));
            wal.commit(staged.entry());
            index.put(attributes);
            return attributes;
        } catch (IOException ex) {
            deleteQuietly(layout.attrFile(attributes.storageFilename()));
            deleteQuietly(layout.dataFile(attributes.storageFilename()));
            discard(staged);
            throw noSpace(ex) ? storageFull(ex) : storageFailure("Cannot store the file", ex);
        } finally {
            capacity.release(staged.reserved());
            indexSwap.readLock().unlock();
        }
    }

    /**
     * Makes a staged copy visible. The data goes into place before the sidecar: a crash in
     * between leaves either nothing (a new copy is rolled back by recovery: no sidecar) or, when
     * {@code replacing} a corrupt copy under the same name, verified bytes under the old
     * {@code corrupt} sidecar — never damaged bytes under a sidecar that says ok.
     */
    public FileAttributes commitCopy(StagedUpload staged, FileAttributes attributes, boolean replacing) {
        indexSwap.readLock().lock();
        try {
            AtomicFiles.move(staged.tempFile(), layout.dataFile(attributes.storageFilename()));
            attrStore.write(attributes);
            wal.commit(staged.entry());
            index.put(attributes);
            return attributes;
        } catch (IOException ex) {
            if (!replacing) {
                deleteQuietly(layout.attrFile(attributes.storageFilename()));
                deleteQuietly(layout.dataFile(attributes.storageFilename()));
            }
            discard(staged);
            throw noSpace(ex) ? storageFull(ex) : storageFailure("Cannot store the copy", ex);
        } finally {
            capacity.release(staged.reserved());
            indexSwap.readLock().unlock();
        }
    }

    /** Records that the file's bytes matched its checksum at {@code at} (scrub, copy). Gone files are skipped. */
    public void markVerified(UUID fileId, Instant at) {
        locks.withLock(fileId, () -> index.get(fileId)
                .map(current -> rewrite(WalOperation.UPDATE, current.withVerifiedAt(at))));
    }

    /** Marks the file's copy {@code corrupt} (never served again) with {@code updated_at} = {@code at}. Gone files are skipped. */
    public void markCorrupt(UUID fileId, Instant at) {
        locks.withLock(fileId, () -> index.get(fileId)
                .map(current -> rewrite(WalOperation.UPDATE, current.markedCorrupt(at))));
    }

    /** Drops a staged upload that will not be committed. */
    public void discard(StagedUpload staged) {
        deleteQuietly(staged.tempFile());
        wal.abort(staged.entry());
    }

    /** Replaces a file's sidecar (metadata update, soft delete, GC expiry marking). */
    public FileAttributes rewrite(WalOperation operation, FileAttributes attributes) {
        indexSwap.readLock().lock();
        try {
            WalEntry entry = wal.begin(WalEntry.rewrite(operation, attributes, clock.instant()));
            attrStore.write(attributes);
            wal.commit(entry);
            index.put(attributes);
            return attributes;
        } catch (IOException ex) {
            throw noSpace(ex) ? storageFull(ex) : storageFailure("Cannot update the file metadata", ex);
        } finally {
            indexSwap.readLock().unlock();
        }
    }

    /** Physically removes a file and its sidecar (GC). */
    public void remove(FileAttributes attributes) {
        indexSwap.readLock().lock();
        try {
            WalEntry entry = wal.begin(WalEntry.gcRemove(attributes, clock.instant()));
            AtomicFiles.delete(layout.attrFile(attributes.storageFilename()));
            AtomicFiles.delete(layout.dataFile(attributes.storageFilename()));
            wal.commit(entry);
            index.remove(attributes.fileId());
        } catch (IOException ex) {
            throw new UncheckedIOException("Cannot remove " + attributes.fileId(), ex);
        } finally {
            indexSwap.readLock().unlock();
        }
    }

    /** Runs {@code action} holding the lock of one file: its updates, deletes and GC steps run one at a time. */
    public <T> T withLock(UUID fileId, Supplier<T> action) {
        return locks.withLock(fileId, action);
    }

    /** Runs {@code action} while no mutation is committing (used to swap in a rebuilt index). */
    public void exclusively(Runnable action) {
        indexSwap.writeLock().lock();
        try {
            action.run();
        } finally {
            indexSwap.writeLock().unlock();
        }
    }

    /** Runs a maintenance job (GC, reconcile) so that no two of them overlap. */
    public <T> T maintenance(Supplier<T> job) {
        maintenance.lock();
        try {
            return job.get();
        } finally {
            maintenance.unlock();
        }
    }

    private static ApiException storageFailure(String message, IOException cause) {
        return new ApiException(ErrorCode.INTERNAL_ERROR, message, cause);
    }

    /** The disk ran out of space (ENOSPC), whether as a {@code FileSystemException} or a plain write error. */
    static boolean noSpace(Throwable ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException && cause.getMessage() != null && cause.getMessage().contains("No space left")) {
                return true;
            }
        }
        return false;
    }

    private static ApiException storageFull(Throwable cause) {
        return new ApiException(ErrorCode.STORAGE_FULL, "Not enough free space on this storage element", cause);
    }

    private static void deleteQuietly(Path file) {
        try {
            AtomicFiles.delete(file);
        } catch (IOException ignored) {
            // best effort; startup recovery removes leftovers
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** The request body ended early or could not be read: the client went away. */
    public static class UploadInterruptedException extends RuntimeException {
        public UploadInterruptedException(IOException cause) {
            super("Upload stream interrupted: " + cause.getMessage(), cause);
        }
    }
}
