package io.artstore.admin.replication;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.artstore.admin.common.Timestamps;
import io.artstore.admin.replication.ReplicationRepository.ClaimedFile;
import io.artstore.admin.storage.StorageElement;
import io.artstore.admin.storage.StorageElementCalls;
import io.artstore.admin.storage.StorageElementRepository;
import io.artstore.kernel.client.storage.SeDownload;
import io.artstore.kernel.client.storage.SeFileMetadata;
import io.artstore.kernel.contract.CopyStatus;
import io.artstore.kernel.contract.RetentionPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One replication pass: claims a batch of under-replicated files in PostgreSQL (so replicas never
 * work on one file at once), and for each makes the missing copies, streaming the bytes from a
 * healthy copy's SE through admin-module to the chosen target SE (never a whole file in memory).
 * A copy is {@code pending} while it streams and {@code ok} once the target verified it; a failure
 * removes the pending row and leaves the file claimed for a back-off.
 */
public class ReplicationJob {

    private static final Logger log = LoggerFactory.getLogger(ReplicationJob.class);

    private final ReplicationRepository repository;
    private final StorageElementRepository storageElements;
    private final StorageElementCalls calls;
    private final CopyPolicy policy;
    private final ReplicationProperties properties;
    private final ReplicationMetrics metrics;
    private final Clock clock;
    private final String owner;
    private final ExecutorService executor;
    private final AtomicReference<Instant> lastRunAt = new AtomicReference<>();

    public ReplicationJob(ReplicationRepository repository, StorageElementRepository storageElements,
                          StorageElementCalls calls, CopyPolicy policy, ReplicationProperties properties,
                          ReplicationMetrics metrics, Clock clock, String owner) {
        this.repository = repository;
        this.storageElements = storageElements;
        this.calls = calls;
        this.policy = policy;
        this.properties = properties;
        this.metrics = metrics;
        this.clock = clock;
        this.owner = owner;
        this.executor = Executors.newFixedThreadPool(properties.parallelism(), Thread.ofPlatform()
                .name("replication-", 0).daemon(true).factory());
    }

    /** The name this job claims files under (one per admin-module replica). */
    public String owner() {
        return owner;
    }

    /** One pass: claim, copy, report. Safe to run while another pass runs here or on another replica. */
    public PassReport runPass() {
        long started = System.nanoTime();
        Instant now = Timestamps.now(clock);
        List<ClaimedFile> claimed = repository.claim(owner, now, now.plus(properties.claimTtl()), properties.batch());
        Map<UUID, StorageElement> ses = storageElements.all().stream()
                .collect(Collectors.toConcurrentMap(StorageElement::id, Function.identity()));
        List<Future<FileOutcome>> runs = new ArrayList<>();
        for (ClaimedFile file : claimed) {
            runs.add(executor.submit(() -> replicate(file, ses)));
        }
        long made = 0;
        long failed = 0;
        long bytes = 0;
        for (Future<FileOutcome> run : runs) {
            try {
                FileOutcome outcome = run.get();
                made += outcome.made();
                failed += outcome.failed();
                bytes += outcome.bytes();
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                break;
            } catch (ExecutionException ex) {
                failed++;
                log.error("Replication of a file failed unexpectedly", ex.getCause());
            }
        }
        lastRunAt.set(Timestamps.now(clock));
        PassReport report = new PassReport(claimed.size(), made, failed, bytes,
                Duration.ofNanos(System.nanoTime() - started).toMillis());
        if (!claimed.isEmpty()) {
            log.info("Replication pass: {} files claimed, {} copies made, {} failed, {} bytes in {} ms",
                    report.filesClaimed(), made, failed, bytes, report.durationMs());
        }
        return report;
    }

    public ReplicationStatus status() {
        ReplicationRepository.Figures figures = repository.figures(Timestamps.now(clock));
        return new ReplicationStatus(figures.filesUnderReplicated(), figures.filesWithoutHealthyCopy(),
                figures.pendingCopies(), lastRunAt.get());
    }

    /** Makes the copies one claimed file misses; releases the claim on success, else records the failure. */
    FileOutcome replicate(ClaimedFile file, Map<UUID, StorageElement> ses) {
        UUID fileId = file.fileId();
        RetentionPolicy retention = file.retentionPolicy();
        Map<UUID, CopyStatus> copies = new java.util.HashMap<>(repository.copies(fileId));
        int missing = policy.missing(retention, copies, ses);
        Set<UUID> tried = new HashSet<>();
        int made = 0;
        int failed = 0;
        long bytes = 0;
        String error = null;
        while (missing > 0) {
            Optional<StorageElement> source = policy.source(copies, ses);
            if (source.isEmpty()) {
                error = "no ok copy on an online storage element that allows downloads";
                break;
            }
            Optional<StorageElement> target = policy.targets(retention, copies, ses).stream()
                    .filter(se -> !tried.contains(se.id())).findFirst();
            if (target.isEmpty()) {
                if (error == null) {
                    error = "no eligible target: no other online, not draining storage element in mode "
                            + retention.storageMode().value();
                }
                break;
            }
            StorageElement to = target.get();
            tried.add(to.id());
            // shared by the pass's parallel copies: the next file sees this SE fuller
            ses.computeIfPresent(to.id(), (id, se) -> se.reserving(file.metadata().size()));
            CopyStatus before = copies.get(to.id());
            repository.markPending(fileId, to.id(), Timestamps.now(clock));
            try {
                long copied = copy(file, source.get(), to);
                repository.markOk(fileId, to.id(), Timestamps.now(clock));
                copies.put(to.id(), CopyStatus.OK);
                made++;
                bytes += copied;
                missing--;
                metrics.copied(copied);
                log.info("File {}: copied from {} to {} ({} bytes)", fileId, source.get().storageId(),
                        to.storageId(), copied);
            } catch (RuntimeException ex) {
                repository.undoPending(fileId, to.id(), before, Timestamps.now(clock));
                failed++;
                metrics.failed();
                error = "copy from " + source.get().storageId() + " to " + to.storageId() + " failed: "
                        + ex.getMessage();
                log.warn("File {}: {}", fileId, error);
            }
        }
        if (missing == 0) {
            repository.release(fileId, owner);
        } else {
            repository.fail(fileId, owner, error, Timestamps.now(clock), file.attempts());
        }
        return new FileOutcome(made, failed, bytes);
    }

    /** Streams the file from {@code source} into {@code target}; returns the bytes sent. */
    private long copy(ClaimedFile file, StorageElement source, StorageElement target) {
        SeFileMetadata original = file.metadata();
        long renewEvery = Math.max(1, properties.claimTtl().toNanos() / 3);
        try (SeDownload download = calls.download(source.url(), original.fileId())) {
            if (download.status() != 200) {
                throw new IllegalStateException("the source answered HTTP " + download.status() + " to the download");
            }
            ClaimRenewingStream content = new ClaimRenewingStream(download.body(), renewEvery,
                    () -> repository.renew(original.fileId(), owner,
                            Timestamps.now(clock).plus(properties.claimTtl())));
            SeFileMetadata stored = calls.storeCopy(target.url(), original, content);
            if (stored.checksum() != null && !stored.checksum().equalsIgnoreCase(original.checksum())) {
                throw new IllegalStateException("the target stored checksum " + stored.checksum() + ", expected "
                        + original.checksum());
            }
            return content.count();
        } catch (IOException ex) {
            throw new IllegalStateException("reading the source failed: " + ex.getMessage(), ex);
        }
    }

    public void shutdown() {
        executor.shutdownNow();
    }

    record FileOutcome(int made, int failed, long bytes) {
    }
}
