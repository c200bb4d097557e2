package io.artstore.storage.reconcile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.artstore.kernel.error.ApiException;
import io.artstore.kernel.error.ErrorCode;
import io.artstore.storage.attr.FileAttributes;
import io.artstore.storage.attr.StorageLayout;
import io.artstore.storage.index.FileIndex;
import io.artstore.storage.index.SidecarScanner;
import io.artstore.storage.metrics.StorageMetrics;
import io.artstore.storage.store.FileStore;
import io.artstore.storage.wal.WriteAheadLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compares sidecars with the data files (existence and size), reports every difference and
 * rebuilds the index from the sidecars. It reads no file contents: checksums are the scrub's
 * (package {@code scrub}), at a bounded rate, so a reconcile stays cheap on a large store and
 * never reports {@code checksum_mismatch} (kept in the report for the contract). Files with a mutation in flight
 * are skipped. One run at a time: a second caller gets 409 {@code RECONCILE_IN_PROGRESS}.
 * Reconcile reports, it does not repair: deciding what to do with a damaged file is left
 * to the operator.
 */
public class ReconcileService {

    private static final Logger log = LoggerFactory.getLogger(ReconcileService.class);

    private final StorageLayout layout;
    private final SidecarScanner scanner;
    private final FileIndex index;
    private final FileStore store;
    private final WriteAheadLog wal;
    private final StorageMetrics metrics;
    private final Clock clock;
    private final AtomicBoolean running = new AtomicBoolean();

    ReconcileService(StorageLayout layout, SidecarScanner scanner, FileIndex index, FileStore store,
                     WriteAheadLog wal, StorageMetrics metrics, Clock clock) {
        this.layout = layout;
        this.scanner = scanner;
        this.index = index;
        this.store = store;
        this.wal = wal;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Claims the single run slot; false when a run is in progress. */
    public boolean tryStart() {
        return running.compareAndSet(false, true);
    }

    public void finish() {
        running.set(false);
    }

    public boolean isRunning() {
        return running.get();
    }

    public ReconcileReport run() {
        if (!tryStart()) {
            throw new ApiException(ErrorCode.RECONCILE_IN_PROGRESS, "A reconcile run is already in progress");
        }
        try {
            return store.maintenance(this::reconcile);
        } finally {
            finish();
        }
    }

    private ReconcileReport reconcile() {
        Instant startedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        SidecarScanner.Scan scan = scanner.scan();
        ConcurrentLinkedQueue<ReconcileIssue> issues = new ConcurrentLinkedQueue<>();
        Map<UUID, FileAttributes> present = new ConcurrentHashMap<>();
        Set<String> claimedDataNames = ConcurrentHashMap.newKeySet();
        AtomicLong ok = new AtomicLong();

        for (String attrName : scan.unreadable()) {
            String dataName = StorageLayout.dataNameOfAttr(attrName);
            if (!wal.isInFlight(dataName)) {
                claimedDataNames.add(dataName);
                issues.add(new ReconcileIssue(null, attrName, ReconcileIssue.Type.ORPHANED_ATTR,
                        "Sidecar cannot be read"));
            }
        }
        scan.sidecars().parallelStream().forEach(sidecar -> {
            FileAttributes attributes = sidecar.attributes();
            String dataName = StorageLayout.dataNameOfAttr(sidecar.attrName());
            if (wal.isInFlight(dataName)) {
                return;
            }
            if (!sidecar.consistentName()) {
                issues.add(new ReconcileIssue(attributes.fileId(), sidecar.attrName(), ReconcileIssue.Type.ORPHANED_ATTR,
                        "Sidecar names another data file"));
                return;
            }
            claimedDataNames.add(dataName);
            check(attributes, dataName, issues, present, ok);
        });
        for (String dataName : scan.dataFiles()) {
            if (!claimedDataNames.contains(dataName) && !wal.isInFlight(dataName)) {
                issues.add(new ReconcileIssue(null, dataName, ReconcileIssue.Type.ORPHANED_FILE,
                        "Data file has no sidecar"));
            }
        }
        rebuildIndex(present);

        List<ReconcileIssue> sorted = new ArrayList<>(issues);
        sorted.sort(Comparator.comparing(ReconcileIssue::type).thenComparing(ReconcileIssue::path));
        Map<ReconcileIssue.Type, Long> counts = new EnumMap<>(ReconcileIssue.Type.class);
        sorted.forEach(issue -> counts.merge(issue.type(), 1L, Long::sum));
        long checked = scan.sidecars().size() + scan.unreadable().size() + counts.getOrDefault(ReconcileIssue.Type.ORPHANED_FILE, 0L);
        ReconcileReport.Summary summary = new ReconcileReport.Summary(ok.get(),
                counts.getOrDefault(ReconcileIssue.Type.ORPHANED_FILE, 0L),
                counts.getOrDefault(ReconcileIssue.Type.MISSING_FILE, 0L),
                counts.getOrDefault(ReconcileIssue.Type.CHECKSUM_MISMATCH, 0L),
                counts.getOrDefault(ReconcileIssue.Type.SIZE_MISMATCH, 0L),
                counts.getOrDefault(ReconcileIssue.Type.ORPHANED_ATTR, 0L));
        metrics.reconcileRun(counts);
        log.info("Reconcile checked {} entries: {} ok, issues {}", checked, ok.get(), counts);
        return new ReconcileReport(startedAt, clock.instant().truncatedTo(ChronoUnit.MILLIS), checked, sorted, summary);
    }

    private void check(FileAttributes attributes, String dataName, ConcurrentLinkedQueue<ReconcileIssue> issues,
                       Map<UUID, FileAttributes> present, AtomicLong ok) {
        Path data = layout.dataFile(dataName);
        try {
            if (!Files.isRegularFile(data)) {
                issues.add(new ReconcileIssue(attributes.fileId(), dataName, ReconcileIssue.Type.MISSING_FILE,
                        "Sidecar exists but the data file is missing"));
                return;
            }
            present.put(attributes.fileId(), attributes);
            long size = Files.size(data);
            if (size != attributes.size()) {
                issues.add(new ReconcileIssue(attributes.fileId(), dataName, ReconcileIssue.Type.SIZE_MISMATCH,
                        "Size on disk " + size + " differs from recorded " + attributes.size()));
                return;
            }
            ok.incrementAndGet();
        } catch (IOException ex) {
            issues.add(new ReconcileIssue(attributes.fileId(), dataName, ReconcileIssue.Type.MISSING_FILE,
                    "Data file cannot be read"));
            present.remove(attributes.fileId());
        }
    }

    /**
     * Index = files whose sidecar and data were found, plus files committed while the scan
     * ran (the index version wins: it is at least as new as what the scan read).
     */
    private void rebuildIndex(Map<UUID, FileAttributes> present) {
        store.exclusively(() -> {
            Map<UUID, FileAttributes> rebuilt = new HashMap<>(present);
            Set<UUID> current = new HashSet<>();
            for (FileAttributes indexed : index.snapshot()) {
                current.add(indexed.fileId());
                if (rebuilt.containsKey(indexed.fileId())) {
                    rebuilt.put(indexed.fileId(), indexed);
                } else if (Files.exists(layout.attrFile(indexed.storageFilename()))
                        && Files.exists(layout.dataFile(indexed.storageFilename()))
                        && indexed.uploadedAt() != null) {
                    rebuilt.put(indexed.fileId(), indexed); // committed during the scan
                }
            }
            rebuilt.values().removeIf(a -> !current.contains(a.fileId()) && !Files.exists(layout.attrFile(a.storageFilename())));
            index.replaceAll(rebuilt.values());
        });
    }
}
