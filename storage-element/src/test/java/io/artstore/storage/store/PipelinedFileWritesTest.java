package io.artstore.storage.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.nio.file.ExtendedOpenOption;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelinedFileWritesTest {

    private static final int FIRST = 4096;
    private static final int BUFFER = 16384;

    @TempDir
    Path dir;

    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final AtomicInteger tasks = new AtomicInteger();
    private final MessageDigest sha256 = FileStore.sha256();
    private final AlignedBuffers direct = new AlignedBuffers(BUFFER, 2);

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void writesALargeFileWithODirectEveryByteInOrder() throws IOException {
        byte[] data = new byte[FIRST + BUFFER * 37 + 123];
        new Random(7).nextBytes(data);
        Path file = dir.resolve("big");
        List<RecordingChannel> opened = new ArrayList<>();
        try (PipelinedFileWrites writes = new PipelinedFileWrites(file, this::counted, direct, FIRST, 3 * BUFFER, sha256,
                recording(opened, -1), PipelinedFileWrites.blockSize(dir))) {
            copy(data, writes);
            writes.finish();
            assertThat(writes.direct()).as("ext4 and the like take O_DIRECT").isTrue();
        }
        assertThat(Files.readAllBytes(file)).as("padding of the last block truncated").isEqualTo(data);
        assertThat(sha256.digest()).as("every byte hashed in order, no padding").isEqualTo(sha256(data));
        assertThat(tasks.get()).as("writes ran on the executor").isGreaterThan(30);
        assertThat(opened).singleElement().satisfies(out -> {
            assertThat(out.direct).isTrue();
            assertThat(out.heapWrites).as("from the aligned direct buffer: the JDK's own would be a new one per write")
                    .hasValue(0);
            assertThat(out.forces).as("no writeback needed, data and metadata forced last").containsExactly(true);
        });
        assertThat(direct.idle()).as("the direct buffer went back for reuse").isEqualTo(1);
    }

    @Test
    void writesThroughThePageCacheWhereODirectIsRefused() throws IOException {
        byte[] data = new byte[FIRST + BUFFER * 20 + 5];
        new Random(8).nextBytes(data);
        Path file = dir.resolve("no-direct");
        List<RecordingChannel> opened = new ArrayList<>();
        PipelinedFileWrites.Opener refusesDirect = (path, direct) -> {
            if (direct) {
                Files.createFile(path); // as open(2) does before it fails with EINVAL
                throw new IOException("Invalid argument");
            }
            return recording(opened, -1).open(path, false);
        };
        try (PipelinedFileWrites writes = new PipelinedFileWrites(file, this::counted, direct, FIRST, 3 * BUFFER, sha256,
                refusesDirect, PipelinedFileWrites.blockSize(dir))) {
            copy(data, writes);
            writes.finish();
            assertThat(writes.direct()).isFalse();
        }
        assertThat(Files.readAllBytes(file)).isEqualTo(data);
        assertThat(opened).singleElement().satisfies(out -> assertThat(out.forces)
                .as("writeback started on the way, data and metadata forced last").contains(false).last().isEqualTo(true));
    }

    @Test
    void writesASmallFileOnTheCallersThreadThroughThePageCache() throws IOException {
        byte[] data = "a small document".getBytes();
        Path file = dir.resolve("small");
        List<RecordingChannel> opened = new ArrayList<>();
        try (PipelinedFileWrites writes = new PipelinedFileWrites(file, this::counted, direct, FIRST, BUFFER, sha256,
                recording(opened, -1), PipelinedFileWrites.blockSize(dir))) {
            copy(data, writes);
            writes.finish();
        }
        assertThat(Files.readAllBytes(file)).isEqualTo(data);
        assertThat(sha256.digest()).isEqualTo(sha256(data));
        assertThat(tasks.get()).isZero();
        assertThat(opened).singleElement().satisfies(out -> {
            assertThat(out.direct).isFalse();
            assertThat(out.forces).containsExactly(true);
        });
    }

    @Test
    void anEmptyFileIsCreatedAtFinish() throws IOException {
        Path file = dir.resolve("empty");
        try (PipelinedFileWrites writes = new PipelinedFileWrites(file, this::counted, direct, FIRST, BUFFER, sha256,
                PipelinedFileWrites.blockSize(dir))) {
            writes.finish();
        }
        assertThat(file).exists().isEmptyFile();
    }

    @Test
    void aFailedWriteReachesTheCallerAndNothingIsWrittenAfterClose() throws IOException {
        byte[] data = new byte[FIRST + BUFFER * 20];
        List<RecordingChannel> opened = new ArrayList<>();
        PipelinedFileWrites writes = new PipelinedFileWrites(dir.resolve("full-disk"), this::counted, direct, FIRST,
                Long.MAX_VALUE, sha256, recording(opened, 3), PipelinedFileWrites.blockSize(dir));
        assertThatThrownBy(() -> {
            copy(data, writes);
            writes.finish();
        }).isInstanceOf(IOException.class).hasMessage("No space left on device");
        writes.close();
        RecordingChannel out = opened.getFirst();
        assertThat(out.writes.get()).isEqualTo(3);
        assertThat(out.forces).doesNotContain(true);
        assertThat(out.isOpen()).isFalse();
    }

    private void counted(Runnable task) {
        tasks.incrementAndGet();
        threads.execute(task);
    }

    private static PipelinedFileWrites.Opener recording(List<RecordingChannel> opened, int failOn) {
        return (path, direct) -> {
            FileChannel channel = direct
                    ? FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, ExtendedOpenOption.DIRECT)
                    : FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            RecordingChannel recording = new RecordingChannel(channel, direct, failOn);
            opened.add(recording);
            return recording;
        };
    }

    private static byte[] sha256(byte[] data) {
        return FileStore.sha256().digest(data);
    }

    // the loop of FileStore.stage: fill the whole buffer, hand it over, fill the next
    private static void copy(byte[] data, PipelinedFileWrites writes) throws IOException {
        int offset = 0;
        byte[] buffer = writes.buffer();
        while (offset < data.length) {
            int length = Math.min(buffer.length, data.length - offset);
            System.arraycopy(data, offset, buffer, 0, length);
            offset += length;
            buffer = writes.write(length);
        }
    }

    /** A real file channel that records forces and fails with ENOSPC on write number {@code failOn}. */
    private static final class RecordingChannel extends FileChannel {
        private final FileChannel delegate;
        private final int failOn;
        final boolean direct;
        final AtomicInteger writes = new AtomicInteger();
        final AtomicInteger heapWrites = new AtomicInteger();
        final List<Boolean> forces = Collections.synchronizedList(new ArrayList<>());

        RecordingChannel(FileChannel delegate, boolean direct, int failOn) {
            this.delegate = delegate;
            this.direct = direct;
            this.failOn = failOn;
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            if (!src.isDirect()) {
                heapWrites.incrementAndGet();
            }
            if (writes.incrementAndGet() == failOn) {
                throw new IOException("No space left on device");
            }
            return delegate.write(src);
        }

        @Override
        public void force(boolean metaData) throws IOException {
            forces.add(metaData);
            delegate.force(metaData);
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            return delegate.read(dst);
        }

        @Override
        public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
            return delegate.read(dsts, offset, length);
        }

        @Override
        public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
            throw new UnsupportedOperationException();
        }

        @Override
        public long position() throws IOException {
            return delegate.position();
        }

        @Override
        public FileChannel position(long newPosition) throws IOException {
            delegate.position(newPosition);
            return this;
        }

        @Override
        public long size() throws IOException {
            return delegate.size();
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            delegate.truncate(size);
            return this;
        }

        @Override
        public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
            return delegate.transferTo(position, count, target);
        }

        @Override
        public long transferFrom(ReadableByteChannel src, long position, long count) throws IOException {
            return delegate.transferFrom(src, position, count);
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            return delegate.read(dst, position);
        }

        @Override
        public int write(ByteBuffer src, long position) throws IOException {
            throw new UnsupportedOperationException();
        }

        @Override
        public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
            return delegate.map(mode, position, size);
        }

        @Override
        public FileLock lock(long position, long size, boolean shared) throws IOException {
            return delegate.lock(position, size, shared);
        }

        @Override
        public FileLock tryLock(long position, long size, boolean shared) throws IOException {
            return delegate.tryLock(position, size, shared);
        }

        @Override
        protected void implCloseChannel() throws IOException {
            delegate.close();
        }
    }
}
