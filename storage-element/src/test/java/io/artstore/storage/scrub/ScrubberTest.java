package io.artstore.storage.scrub;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import io.artstore.kernel.contract.CopyStatus;
import io.artstore.kernel.contract.FileStatus;
import io.artstore.kernel.contract.RetentionPolicy;
import io.artstore.storage.attr.AttrStore;
import io.artstore.storage.attr.FileAttributes;
import io.artstore.storage.attr.StorageLayout;
import io.artstore.storage.index.FileIndex;
import io.artstore.storage.store.FileStore;
import io.artstore.storage.store.TestFileStores;
import io.artstore.testsupport.content.Content;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One scrub pass over a real data directory, with a throttle that counts its permits instead of waiting. */
class ScrubberTest {

    private static final long RATE = 123_456;
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    @TempDir
    Path root;

    private final SettableClock clock = new SettableClock(T0);
    private StorageLayout layout;
    private FileIndex index;
    private FileStore store;
    private AttrStore attrs;

    /** Every acquire of every pass, and the rate each throttle was made for. */
    private final List<Integer> permits = new ArrayList<>();
    private final List<Long> rates = new ArrayList<>();

    @BeforeEach
    void setUp() {
        layout = new StorageLayout(root.resolve("data"), root.resolve("wal"));
        index = new FileIndex();
        store = TestFileStores.create(layout, index, clock);
        attrs = new AttrStore(layout);
    }

    @Test
    void verifiesEveryActiveFileOnceAndMarksAFlippedByteAndATruncatedFileCorrupt() throws IOException {
        FileAttributes big = stored(3 * Scrubber.CHUNK + 17, 1);   // several chunks
        FileAttributes flipped = stored(100_000, 2);
        FileAttributes truncated = stored(50_000, 3);
        FileAttributes empty = stored(0, 4);
        FileAttributes deleted = stored(1_000, 5);
        store.rewrite(io.artstore.storage.wal.WalOperation.DELETE, deleted.withStatus(FileStatus.DELETED));
        flipByte(flipped, 4242);
        try (RandomAccessFile file = new RandomAccessFile(data(truncated).toFile(), "rw")) {
            file.setLength(49_999);
        }
        clock.set(T0.plusSeconds(60));

        Scrubber scrubber = scrubber(countingThrottle());
        ScrubState done = scrubber.runPass();

        assertThat(done.finishedAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(done.lastCompletedAt()).isEqualTo(done.finishedAt());
        assertThat(done.filesChecked()).isEqualTo(4); // the deleted file is not read
        assertThat(done.mismatches()).isEqualTo(2);
        // the truncated file fails on its size before a byte is read
        assertThat(done.bytesChecked()).isEqualTo(big.size() + flipped.size() + empty.size());
        // every byte read was paid for, in chunks no larger than the read buffer, at the configured rate
        assertThat(permits.stream().mapToLong(Integer::longValue).sum()).isEqualTo(done.bytesChecked());
        assertThat(permits).allMatch(p -> p > 0 && p <= Scrubber.CHUNK);
        assertThat(rates).containsExactly(RATE);

        for (FileAttributes ok : List.of(big, empty)) {
            FileAttributes onDisk = sidecar(ok);
            assertThat(onDisk.copyStatus()).isNull();
            assertThat(onDisk.verifiedAt()).isEqualTo(T0.plusSeconds(60));
        }
        for (FileAttributes bad : List.of(flipped, truncated)) {
            FileAttributes onDisk = sidecar(bad);
            assertThat(onDisk.copyStatus()).isEqualTo(CopyStatus.CORRUPT);
            assertThat(onDisk.updatedAt()).isEqualTo(T0.plusSeconds(60));
            assertThat(onDisk.verifiedAt()).isNull();
            assertThat(index.get(bad.fileId()).orElseThrow().corrupt()).isTrue();
        }
        assertThat(sidecar(deleted).verifiedAt()).isNull();
        assertThat(scrubber.status()).isEqualTo(new ScrubStatus(false, 4, done.bytesChecked(), 2, T0.plusSeconds(60),
                T0.plusSeconds(60)));
        assertThat(scrubber.progress()).isEqualTo(1.0);

        // the next pass skips copies already marked corrupt: the replication replaces them
        permits.clear();
        ScrubState next = scrubber.runPass();
        assertThat(next.filesChecked()).isEqualTo(2);
        assertThat(next.mismatches()).isZero();
    }

    @Test
    void aRestartResumesThePassAfterTheLastCheckedFile() throws IOException {
        List<FileAttributes> files = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            files.add(stored(10_000 + i, 10 + i));
        }
        files.sort((a, b) -> Scrubber.ID_ORDER.compare(a.fileId(), b.fileId()));

        // the process stops while reading the third file (in id order)
        Scrubber first = scrubber((bytes, stop) -> {
            if (permits.size() == 2) {
                throw new InterruptedException("shutdown");
            }
            permits.add(bytes);
        });
        ScrubState interrupted = first.runPass();
        assertThat(interrupted.finishedAt()).isNull();
        assertThat(interrupted.filesChecked()).isEqualTo(2);
        assertThat(interrupted.lastFileId()).isEqualTo(files.get(1).fileId());

        // a new process over the same data directory: the cursor on disk says where to go on
        permits.clear();
        Scrubber second = scrubber(countingThrottle());
        assertThat(second.status().finishedAt()).isNull();
        assertThat(second.status().filesChecked()).isEqualTo(2);
        assertThat(second.due()).isTrue();
        ScrubState done = second.runPass();

        assertThat(permits.stream().mapToLong(Integer::longValue).sum())
                .as("only the three remaining files are read")
                .isEqualTo(files.subList(2, 5).stream().mapToLong(FileAttributes::size).sum());
        assertThat(done.filesChecked()).isEqualTo(5);
        assertThat(done.startedAt()).isEqualTo(interrupted.startedAt());
        assertThat(done.finishedAt()).isNotNull();
        assertThat(files).allSatisfy(f -> assertThat(sidecar(f).verifiedAt()).isNotNull());
    }

    @Test
    void aPassIsDueOneIntervalAfterTheLastCompleteOne() throws IOException {
        stored(10, 1);
        Scrubber scrubber = scrubber(countingThrottle());
        assertThat(scrubber.due()).as("never scrubbed").isTrue();
        assertThat(scrubber.lastCompletedAt()).isEmpty();
        scrubber.runPass();
        assertThat(scrubber.lastCompletedAt()).contains(T0);
        clock.set(T0.plus(Duration.ofDays(30)).minusSeconds(1));
        assertThat(scrubber.due()).isFalse();
        clock.set(T0.plus(Duration.ofDays(30)));
        assertThat(scrubber.due()).isTrue();
        // the finish time survives a restart (info's last_scrub_at, the schedule)
        assertThat(scrubber(countingThrottle()).lastCompletedAt()).contains(T0);
    }

    @Test
    void onePassAtATime() throws Exception {
        stored(10, 1);
        java.util.concurrent.CountDownLatch reading = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        Scrubber scrubber = scrubber((bytes, stop) -> {
            reading.countDown();
            release.await();
        });
        try {
            ScrubStatus started = scrubber.start();
            assertThat(started.running()).isTrue();
            assertThat(started.startedAt()).isEqualTo(T0);
            reading.await();
            assertThatThrownBy(scrubber::start).hasMessageContaining("already running");
            assertThat(scrubber.startIfDue()).isFalse();
        } finally {
            release.countDown();
            scrubber.close();
        }
    }

    @Test
    void theRateLimiterThrottleStopsWaitingWhenAskedTo() {
        ByteThrottle throttle = ByteThrottle.rateLimiter(1);
        // the first chunk is paid afterwards (Guava's model); the next one would wait for 1,000 s
        assertThatCode(() -> throttle.acquire(1000, () -> false)).doesNotThrowAnyException();
        assertThatThrownBy(() -> throttle.acquire(1000, () -> true)).isInstanceOf(InterruptedException.class);
    }

    private ByteThrottle countingThrottle() {
        return (bytes, stop) -> permits.add(bytes);
    }

    private Scrubber scrubber(ByteThrottle throttle) {
        return new Scrubber(layout, index, store, new ScrubCursor(layout), rate -> {
            rates.add(rate);
            return throttle;
        }, RATE, Duration.ofDays(30), new SimpleMeterRegistry(), clock);
    }

    private FileAttributes stored(int size, long seed) {
        UUID id = UUID.randomUUID();
        String name = "f" + seed + "_u_20261201T000000Z_" + id + ".bin";
        FileStore.StagedUpload staged = store.stage(id, name, new ByteArrayInputStream(Content.bytes(size, seed)),
                Long.MAX_VALUE);
        FileAttributes attributes = new FileAttributes(id, "f" + seed + ".bin", "application/octet-stream",
                staged.size(), staged.checksum(), "u", T0, null, List.of(), FileStatus.ACTIVE, RetentionPolicy.PERMANENT,
                null, null, name, null, null, T0);
        return store.commitUpload(staged, attributes);
    }

    private Path data(FileAttributes file) {
        return layout.dataFile(file.storageFilename());
    }

    private FileAttributes sidecar(FileAttributes file) {
        try {
            return attrs.read(layout.attrFile(file.storageFilename()));
        } catch (IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }

    private void flipByte(FileAttributes file, long position) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(data(file).toFile(), "rw")) {
            raf.seek(position);
            int b = raf.read();
            raf.seek(position);
            raf.write(b ^ 0x01);
        }
        assertThat(Files.size(data(file))).isEqualTo(file.size());
    }

    /** A clock set by the test. */
    private static final class SettableClock extends Clock {
        private final AtomicReference<Instant> now;

        SettableClock(Instant start) {
            this.now = new AtomicReference<>(start);
        }

        void set(Instant instant) {
            now.set(instant);
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
