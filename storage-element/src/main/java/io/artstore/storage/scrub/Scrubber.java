package io.artstore.storage.scrub;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongFunction;

import io.artstore.kernel.contract.FileStatus;
import io.artstore.kernel.error.ApiException;
import io.artstore.kernel.error.ErrorCode;
import io.artstore.storage.attr.FileAttributes;
import io.artstore.storage.attr.StorageLayout;
import io.artstore.storage.index.FileIndex;
import io.artstore.storage.store.FileStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fixity scrub: a pass reads every active file's data once, in file-id order, at no more
 * than {@code SE_SCRUB_RATE} bytes/s, and compares size and SHA-256 with the sidecar. A match
 * sets the sidecar's {@code verified_at}; a mismatch (checksum, size, unreadable or vanished
 * data) marks the copy {@code corrupt}, so it is never served again and the registry's
 * replication replaces it. Both go through {@link FileStore} (WAL-guarded sidecar rewrites).
 *
 * <p>After each file the cursor ({@link ScrubCursor}) is persisted, so a stopped or crashed
 * pass resumes after the last file it checked. Passes run on the scrub's own thread, one at a
 * time; they take neither the maintenance lock (a pass may run for days; GC and reconcile go
 * on) nor a file's lock while reading (uploads and edits go on; a file changed meanwhile is
 * checked again under its lock before it is marked).
 */
public class Scrubber implements AutoCloseable {

    /** Textual order of the ids (unsigned), the order of a pass and of its cursor. */
    static final Comparator<UUID> ID_ORDER = Comparator
            .comparing((UUID id) -> id.getMostSignificantBits(), Long::compareUnsigned)
            .thenComparing(UUID::getLeastSignificantBits, Long::compareUnsigned);

    static final int CHUNK = 1024 * 1024;

    private static final Logger log = LoggerFactory.getLogger(Scrubber.class);

    private final StorageLayout layout;
    private final FileIndex index;
    private final FileStore store;
    private final ScrubCursor cursor;
    private final LongFunction<ByteThrottle> throttles;
    private final long rate;
    private final Duration interval;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("scrub").daemon(true).factory());
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile boolean stopping;
    private volatile ScrubState state;
    /** Bytes the current pass will read in all (checked so far plus what is left), for the progress gauge. */
    private volatile long passBytes;

    private final Counter bytesVerified;
    private final Counter filesVerified;
    private final Counter mismatchCount;

    Scrubber(StorageLayout layout, FileIndex index, FileStore store, ScrubCursor cursor,
             LongFunction<ByteThrottle> throttles, long rate, Duration interval, MeterRegistry registry, Clock clock) {
        this.layout = layout;
        this.index = index;
        this.store = store;
        this.cursor = cursor;
        this.throttles = throttles;
        this.rate = rate;
        this.interval = interval;
        this.clock = clock;
        this.state = cursor.load();
        this.bytesVerified = Counter.builder("se.scrub.bytes.verified").description("Bytes read and hashed by the scrub")
                .register(registry);
        this.filesVerified = Counter.builder("se.scrub.files.verified").description("Files checked by the scrub")
                .register(registry);
        this.mismatchCount = Counter.builder("se.scrub.mismatches")
                .description("Files the scrub found damaged and marked corrupt").register(registry);
        Gauge.builder("se.scrub.pass.progress.ratio", this, Scrubber::progress)
                .description("Share of the current pass's bytes checked (1 when the last pass is complete)")
                .register(registry);
        Gauge.builder("se.scrub.last.pass.finished.timestamp.seconds", this,
                        s -> s.lastCompletedAt().map(t -> t.toEpochMilli() / 1000.0).orElse(Double.NaN))
                .description("When the last complete scrub pass finished (Unix time)").register(registry);
    }

    /** What {@code GET /api/v1/maintenance/scrub} answers. */
    public ScrubStatus status() {
        ScrubState s = state;
        return new ScrubStatus(running.get(), s.filesChecked(), s.bytesChecked(), s.mismatches(), s.startedAt(),
                s.finishedAt());
    }

    /** When the last complete pass finished ({@code last_scrub_at} of {@code /api/v1/info}). */
    public Optional<Instant> lastCompletedAt() {
        return Optional.ofNullable(state.lastCompletedAt());
    }

    /**
     * Starts a pass on the scrub thread (resuming an unfinished one) and answers its status;
     * 409 {@code SCRUB_IN_PROGRESS} when one runs.
     */
    public ScrubStatus start() {
        if (!running.compareAndSet(false, true)) {
            throw new ApiException(ErrorCode.SCRUB_IN_PROGRESS, "A scrub pass is already running");
        }
        try {
            ScrubState pass = begin();
            worker.execute(() -> {
                try {
                    execute(pass);
                } catch (RuntimeException ex) {
                    log.error("Scrub pass stopped by a failure; it resumes at the next start", ex);
                } finally {
                    running.set(false);
                }
            });
            return status();
        } catch (RuntimeException ex) {
            running.set(false);
            throw ex;
        }
    }

    /**
     * The periodic check: starts a pass when an unfinished one waits to be resumed, or when the
     * last complete pass finished {@code SE_SCRUB_INTERVAL} ago or longer (or never ran).
     */
    public boolean startIfDue() {
        if (running.get() || stopping) {
            return false;
        }
        if (!due()) {
            return false;
        }
        try {
            start();
            return true;
        } catch (ApiException ex) {
            return false; // started by a request in the meantime
        }
    }

    /** An interrupted pass waits, or the last complete one finished an interval ago or longer, or none ever did. */
    boolean due() {
        ScrubState s = state;
        return s.unfinished() || s.lastCompletedAt() == null
                || !s.lastCompletedAt().plus(interval).isAfter(clock.instant());
    }

    /** Runs one pass (or the rest of an unfinished one) on the calling thread; for tests. */
    ScrubState runPass() {
        if (!running.compareAndSet(false, true)) {
            throw new ApiException(ErrorCode.SCRUB_IN_PROGRESS, "A scrub pass is already running");
        }
        try {
            return execute(begin());
        } finally {
            running.set(false);
        }
    }

    private ScrubState begin() {
        ScrubState current = state;
        if (current.unfinished()) {
            log.info("Scrub pass of {} resumes after file {} ({} files checked)", current.startedAt(),
                    current.lastFileId(), current.filesChecked());
            return current;
        }
        ScrubState fresh = current.newPass(now());
        cursor.save(fresh);
        state = fresh;
        return fresh;
    }

    private ScrubState execute(ScrubState pass) {
        UUID after = pass.lastFileId();
        List<FileAttributes> files = index.snapshot(FileStatus.ACTIVE).stream()
                .filter(f -> !f.corrupt())
                .filter(f -> after == null || ID_ORDER.compare(f.fileId(), after) > 0)
                .sorted(Comparator.comparing(FileAttributes::fileId, ID_ORDER))
                .toList();
        passBytes = pass.bytesChecked() + files.stream().mapToLong(FileAttributes::size).sum();
        ByteThrottle throttle = throttles.apply(rate);
        byte[] buffer = new byte[CHUNK];
        log.info("Scrub pass of {}: {} files, {} bytes to check at {} bytes/s", pass.startedAt(), files.size(),
                passBytes - pass.bytesChecked(), rate);
        for (FileAttributes listed : files) {
            if (stopping) {
                return pass;
            }
            Optional<FileAttributes> current = index.get(listed.fileId())
                    .filter(f -> f.status() == FileStatus.ACTIVE && !f.corrupt());
            if (current.isEmpty()) {
                continue; // deleted, expired or marked since the pass began
            }
            FileAttributes file = current.get();
            Check check;
            try {
                check = check(file, throttle, buffer);
            } catch (InterruptedException ex) {
                return pass; // stopping: the cursor stays before this file
            }
            if (stopping && check.failure() != null) {
                return pass; // a read cut short by the stop is no damage
            }
            if (check.matches()) {
                markVerified(file);
            } else {
                markCorrupt(file, check);
            }
            pass = pass.checked(file.fileId(), check.bytesRead(), !check.matches());
            cursor.save(pass);
            state = pass;
            filesVerified.increment();
            bytesVerified.increment(check.bytesRead());
        }
        ScrubState done = pass.finished(now());
        cursor.save(done);
        state = done;
        log.info("Scrub pass of {} complete: {} files, {} bytes, {} mismatches", done.startedAt(), done.filesChecked(),
                done.bytesChecked(), done.mismatches());
        return done;
    }

    /** The outcome for one file: whether size and SHA-256 match, bytes read, and why not. */
    record Check(boolean matches, long bytesRead, String failure) {
    }

    private Check check(FileAttributes file, ByteThrottle throttle, byte[] buffer) throws InterruptedException {
        Path data = layout.dataFile(file.storageFilename());
        MessageDigest sha256 = sha256();
        long read = 0;
        // FileInputStream, not a FileChannel: a stray interrupt must not close the file and look
        // like a read error, which would mark a healthy copy corrupt.
        try (InputStream in = new FileInputStream(data.toFile())) {
            long size = Files.size(data);
            if (size != file.size()) {
                return new Check(false, 0, "size on disk " + size + ", recorded " + file.size());
            }
            while (read < size) {
                int want = (int) Math.min(buffer.length, size - read);
                throttle.acquire(want, () -> stopping);
                if (stopping) {
                    throw new InterruptedException("stopping");
                }
                int n = in.readNBytes(buffer, 0, want);
                if (n <= 0) {
                    return new Check(false, read, "data ends at " + read + " of " + size + " bytes");
                }
                sha256.update(buffer, 0, n);
                read += n;
            }
            if (in.read() != -1) {
                return new Check(false, read, "data longer than " + size + " bytes");
            }
        } catch (java.io.FileNotFoundException | NoSuchFileException ex) {
            return new Check(false, read, "data file missing");
        } catch (IOException ex) {
            return new Check(false, read, "data unreadable: " + ex.getMessage());
        }
        String actual = HexFormat.of().formatHex(sha256.digest());
        return actual.equalsIgnoreCase(file.checksum()) ? new Check(true, read, null)
                : new Check(false, read, "SHA-256 " + actual + ", recorded " + file.checksum());
    }

    private void markVerified(FileAttributes file) {
        try {
            store.markVerified(file.fileId(), now());
        } catch (RuntimeException ex) {
            // the bytes are fine; a missed verified_at only makes the copy look older
            log.warn("Cannot record the verification of {}: {}", file.fileId(), ex.getMessage());
        }
    }

    /**
     * Marks the copy corrupt unless the file changed while it was read (replaced by a fresh
     * copy, deleted): checked under the file's lock, which {@code markCorrupt} takes again.
     * A failure to record it stops the pass before the cursor moves on (it is tried again).
     */
    private void markCorrupt(FileAttributes file, Check check) {
        boolean marked = store.withLock(file.fileId(), () -> {
            Optional<FileAttributes> now = index.get(file.fileId());
            if (now.isEmpty() || !now.get().storageFilename().equals(file.storageFilename())
                    || !now.get().checksum().equalsIgnoreCase(file.checksum()) || now.get().corrupt()) {
                return false;
            }
            store.markCorrupt(file.fileId(), now());
            return true;
        });
        if (marked) {
            mismatchCount.increment();
            log.error("Scrub: file {} ({}) is damaged, marked corrupt: {}", file.fileId(), file.storageFilename(),
                    check.failure());
        }
    }

    double progress() {
        ScrubState s = state;
        if (s.startedAt() == null) {
            return 0;
        }
        if (!s.unfinished()) {
            return 1;
        }
        long total = passBytes;
        return total <= 0 ? 0 : Math.min(1, (double) s.bytesChecked() / total);
    }

    boolean isRunning() {
        return running.get();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** Stops a running pass (its cursor is saved after each file, so it resumes) and the scrub thread. */
    @Override
    public void close() {
        stopping = true;
        worker.shutdown(); // no interrupt: see ByteThrottle
        try {
            if (!worker.awaitTermination(10, TimeUnit.SECONDS)) {
                log.warn("Scrub thread did not stop within 10 s");
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
