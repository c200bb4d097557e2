package io.artstore.storage.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

import com.sun.nio.file.ExtendedOpenOption;

/**
 * Hashes an upload's bytes and writes them to a new file on a helper thread while the request
 * thread receives, decrypts and parses the next buffer (docs/benchmarks.md, section 15).
 *
 * <p>The file is created at the first {@link #write(int)}. A file that arrives in one short
 * chunk (a small document: the first read did not fill the buffer) is written on the caller's
 * thread through the page cache, so small uploads never wait for a thread hand-off. A larger
 * one is opened with {@code O_DIRECT} ({@link ExtendedOpenOption#DIRECT}): its bytes go to the
 * disk without being copied into the page cache, which on a busy machine costs more than the
 * disk itself, and the final fsync has only metadata left. They are written from one aligned
 * direct buffer ({@link AlignedBuffers}); the last chunk is padded to the block size and the
 * file truncated to its real length. Where the file system refuses
 * {@code O_DIRECT}, the file is written through the page cache, and writeback of what is
 * written starts every {@code writebackEvery} bytes so the final fsync has little left.
 * Durability is the same either way: {@link #finish()} ends with {@code force(true)}.
 *
 * <p>The caller fills {@link #buffer()}, hands it over with {@link #write(int)} and fills the
 * buffer that returns; a chunk shorter than its buffer must be the last. Writes run one after
 * the other, in order, through a chain of tasks on the executor; a buffer is reused only after
 * its write completed. Not thread-safe: one caller.
 */
final class PipelinedFileWrites implements AutoCloseable {

    private static final int BUFFERS = 3;

    /** How a large file is opened: with {@code O_DIRECT}, or, where refused, without. */
    interface Opener {
        FileChannel open(Path file, boolean direct) throws IOException;
    }

    private final Path file;
    private final Executor executor;
    private final AlignedBuffers directBuffers;
    private final long writebackEvery;
    private final Opener opener;
    private final int blockSize;
    private final MessageDigest digest;
    private final byte[][] buffers = new byte[BUFFERS][];
    private final CompletableFuture<?>[] writes = new CompletableFuture<?>[BUFFERS];
    private CompletableFuture<?> last = CompletableFuture.completedFuture(null);
    private int current;
    private boolean ended;
    private FileChannel out;
    private int alignment;
    private AlignedBuffers.Lease staging;
    // only touched by the write tasks, which run one after the other
    private long written;
    private long writebackRequested;
    private volatile CompletableFuture<?> writeback = CompletableFuture.completedFuture(null);

    /**
     * @param directBuffers   the buffers of {@code O_DIRECT} writes; their size is that of the reads
     *                        after the first one, and so of the writes (a multiple of the block size)
     * @param firstBufferSize the first read; a file shorter than this is written on the caller's thread
     * @param digest          fed every byte written, in order; complete once {@link #finish()} returned
     * @param blockSize       the alignment {@code O_DIRECT} needs in the file's directory
     *                        ({@link #blockSize(Path)}); 0 when unknown
     */
    PipelinedFileWrites(Path file, Executor executor, AlignedBuffers directBuffers, int firstBufferSize,
                        long writebackEvery, MessageDigest digest, int blockSize) {
        this(file, executor, directBuffers, firstBufferSize, writebackEvery, digest, PipelinedFileWrites::open,
                blockSize);
    }

    PipelinedFileWrites(Path file, Executor executor, AlignedBuffers directBuffers, int firstBufferSize,
                        long writebackEvery, MessageDigest digest, Opener opener, int blockSize) {
        this.file = file;
        this.executor = executor;
        this.directBuffers = directBuffers;
        this.writebackEvery = writebackEvery;
        this.opener = opener;
        this.blockSize = blockSize;
        this.digest = digest;
        this.buffers[0] = new byte[firstBufferSize];
    }

    /** The buffer to fill next. */
    byte[] buffer() {
        return buffers[current];
    }

    /** Whether the file bypasses the page cache ({@code O_DIRECT}); false before the first write. */
    boolean direct() {
        return alignment > 0;
    }

    /**
     * Hands over the first {@code length} bytes of {@link #buffer()} to be written and returns
     * the buffer to fill next.
     *
     * @throws IOException the file could not be created, or an earlier write failed
     */
    byte[] write(int length) throws IOException {
        if (ended) {
            throw new IllegalStateException("A chunk shorter than its buffer must be the last");
        }
        byte[] full = buffers[current];
        ended = length < full.length;
        if (out == null) {
            out = ended ? opener.open(file, false) : openLarge();
        }
        if (ended && last.isDone()) {
            await(last);
            writeChunk(full, length);
            return full;
        }
        last = last.thenRunAsync(() -> writeChunk(full, length), executor);
        writes[current] = last;
        current = (current + 1) % BUFFERS;
        if (buffers[current] == null) {
            buffers[current] = new byte[directBuffers.size()];
        } else if (writes[current] != null) {
            await(writes[current]);
        }
        return buffers[current];
    }

    /** Waits for every write and any writeback, then forces data and metadata to the disk. */
    void finish() throws IOException {
        if (out == null) {
            out = opener.open(file, false);
        }
        await(last);
        await(writeback);
        if (direct() && out.size() != written) {
            out.truncate(written); // drops the padding of the last block
        }
        out.force(true);
    }

    /** Waits for the tasks still running (on failure too), then closes the file. */
    @Override
    public void close() throws IOException {
        last.exceptionally(ex -> null).join();
        writeback.exceptionally(ex -> null).join();
        if (staging != null) {
            directBuffers.release(staging);
            staging = null;
        }
        if (out != null) {
            out.close();
        }
    }

    private FileChannel openLarge() throws IOException {
        int size = directBuffers.size();
        if (directBuffers.serves(blockSize) && size % blockSize == 0 && buffers[0].length % blockSize == 0
                && buffers[0].length <= size) {
            try {
                FileChannel channel = opener.open(file, true);
                alignment = blockSize;
                staging = directBuffers.take(blockSize);
                return channel;
            } catch (FileAlreadyExistsException ex) {
                throw ex;
            } catch (IOException | UnsupportedOperationException ex) {
                // the file system refuses O_DIRECT (EINVAL); open may have created the file already
                Files.deleteIfExists(file);
            }
        }
        return opener.open(file, false);
    }

    private void writeChunk(byte[] buffer, int length) {
        digest.update(buffer, 0, length);
        ByteBuffer source;
        if (direct()) {
            source = staging.buffer().clear().put(buffer, 0, length);
            if (length % alignment != 0) {
                source.put(new byte[alignment - length % alignment]); // the last chunk: pad to a whole block
            }
            source.flip();
        } else {
            source = ByteBuffer.wrap(buffer, 0, length);
        }
        try {
            while (source.hasRemaining()) {
                out.write(source);
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        written += length;
        if (!direct() && written - writebackRequested >= writebackEvery && writeback.isDone()) {
            writebackRequested = written;
            writeback = CompletableFuture.runAsync(this::startWriteback, executor);
        }
    }

    // fdatasync of what is written so far, on its own thread: the writes go on meanwhile
    private void startWriteback() {
        try {
            out.force(false);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static FileChannel open(Path file, boolean direct) throws IOException {
        OpenOption[] options = direct
                ? new OpenOption[] {StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, ExtendedOpenOption.DIRECT}
                : new OpenOption[] {StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE};
        return FileChannel.open(file, options);
    }

    /** The alignment {@code O_DIRECT} needs in {@code directory}: its file system's block size; 0 when unknown. */
    static int blockSize(Path directory) {
        try {
            long size = Files.getFileStore(directory).getBlockSize();
            return size > 0 && size <= Integer.MAX_VALUE ? (int) size : 0;
        } catch (IOException | UnsupportedOperationException ex) {
            return 0;
        }
    }

    private static void await(CompletableFuture<?> task) throws IOException {
        try {
            task.join();
        } catch (CompletionException ex) {
            Throwable cause = ex.getCause();
            if (cause instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IOException(cause);
        }
    }
}
