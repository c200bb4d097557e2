package io.artstore.admin.sync;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.sql.DataSource;

import io.artstore.admin.common.Timestamps;
import io.artstore.admin.storage.ReportedCapacity;
import io.artstore.admin.storage.StorageElement;
import io.artstore.admin.storage.StorageElementCalls;
import io.artstore.admin.storage.StorageElementRepository;
import io.artstore.kernel.client.storage.SeFileMetadata;
import io.artstore.kernel.client.storage.SeStorageInfo;
import io.artstore.kernel.contract.CopyStatus;
import io.artstore.kernel.contract.FileStatus;
import io.artstore.kernel.contract.StorageElementStatus;
import io.artstore.kernel.contract.StorageMode;
import io.artstore.kernel.error.ApiException;
import io.artstore.kernel.error.ErrorCode;
import io.artstore.kernel.paging.Page;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The registry sync: the one code path behind registration, the manual sync endpoint, the
 * periodic job and the first contact with an SE whose rows are missing.
 *
 * <ol>
 *   <li>Take the SE's PostgreSQL advisory lock (session level, on a connection held for the
 *       whole run), so no two syncs of one SE run at once, on any admin replica.</li>
 *   <li>Refresh the SE's info (mode, status, capacity). Unreachable: the SE is marked
 *       {@code offline}, nothing else changes, the caller gets 502 {@code SE_UNAVAILABLE}.</li>
 *   <li>Page through the SE's {@code GET /api/v1/files}. Each page is loaded into a temporary
 *       staging table with one {@code COPY} ({@link StagingCopy}) and written with one statement
 *       per table: the file rows ({@code INSERT ... SELECT ... ON CONFLICT (file_id) DO UPDATE
 *       ... WHERE changed}, where an existing row changes only when the sidecar's
 *       {@code updated_at} is newer than the row's {@code metadata_updated_at}: newest wins among
 *       the copies) and this SE's copy rows (status {@code ok} or {@code corrupt} from the
 *       sidecar's {@code copy_status}, {@code verified_at}); rows that are already identical are
 *       left out beforehand (ON CONFLICT DO UPDATE locks every conflicting row, even when its
 *       WHERE then skips the update). Sidecars older than the registry's metadata that differ
 *       from it are noted in a temporary table; the ids seen are collected in another (no key:
 *       appending is cheap, the count at the end is distinct). One transaction per page.</li>
 *   <li>This SE's copies that were not seen (and were not touched since the run began) become
 *       {@code missing} with one {@code UPDATE ... NOT EXISTS}: the file itself is never marked
 *       deleted because one copy vanished. {@code last_file_sync_at} is recorded.</li>
 *   <li>The stale sidecars noted are brought up to date, one SE call each, at most
 *       {@value #MAX_STALE_REPAIRS} per run (the rest next time): PATCH description/tags, or
 *       DELETE when the registry says deleted.</li>
 * </ol>
 * Memory use does not depend on the number of files, and the SQL is set based, so it scales to
 * millions of files per SE.
 */
public class RegistrySync {

    private static final Logger log = LoggerFactory.getLogger(RegistrySync.class);

    /** Most stale sidecars brought up to date by one run (each is one SE call). */
    static final int MAX_STALE_REPAIRS = 1000;

    private static final int STALE_CHUNK = 200;

    /** High 32 bits of the advisory lock ids of SE syncs ("ASYN"). */
    private static final long LOCK_NAMESPACE = 0x4153594EL << 32;

    private final DataSource dataSource;
    private final StorageElementRepository storageElements;
    private final StorageElementCalls calls;
    private final SyncProperties properties;
    private final SyncMetrics metrics;
    private final Clock clock;

    public RegistrySync(DataSource dataSource, StorageElementRepository storageElements, StorageElementCalls calls,
                        SyncProperties properties, SyncMetrics metrics, Clock clock) {
        this.dataSource = dataSource;
        this.storageElements = storageElements;
        this.calls = calls;
        this.properties = properties;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Syncs the SE, waiting for a sync of it that is already running elsewhere to finish first. */
    public SyncReport sync(UUID storageElementId) {
        return run(storageElementId, true).orElseThrow();
    }

    /** Syncs the SE unless a sync of it is running right now (then returns empty). */
    public Optional<SyncReport> syncIfIdle(UUID storageElementId) {
        return run(storageElementId, false);
    }

    /**
     * Reads the SE's info and stores mode, status and capacity. An unreachable SE is marked
     * {@code offline} and the 502 is rethrown.
     */
    public StorageElement refreshInfo(StorageElement se) {
        SeStorageInfo info;
        try {
            info = calls.info(se.url());
        } catch (ApiException ex) {
            if (ex.code() == ErrorCode.SE_UNAVAILABLE || ex.status().is5xxServerError()) {
                if (storageElements.markOffline(se.id(), Timestamps.now(clock))) {
                    log.warn("Storage element {} ({}) is unreachable: marked offline", se.storageId(), se.url());
                }
            }
            throw ex;
        }
        // an unknown mode keeps the registered one; an unknown status counts as reachable, so online
        storageElements.updateInfo(se.id(), StorageMode.parse(info.mode()).map(StorageMode::value).orElse(se.mode()),
                StorageElementStatus.parse(info.status()).orElse(StorageElementStatus.ONLINE).value(),
                ReportedCapacity.of(info.capacity()), Timestamps.now(clock));
        storageElements.updateLastScrubAt(se.id(), info.lastScrubAt());
        if (info.storageId() != null && !info.storageId().equals(se.storageId())) {
            log.warn("Storage element at {} now reports storage_id {} (registered as {})", se.url(), info.storageId(),
                    se.storageId());
        }
        return reload(se.id());
    }

    private Optional<SyncReport> run(UUID id, boolean wait) {
        StorageElement se = reload(id);
        long started = System.nanoTime();
        Instant startedAt = Timestamps.now(clock);
        try (Connection connection = dataSource.getConnection()) {
            SingleConnectionDataSource session = new SingleConnectionDataSource(connection, true);
            JdbcClient sql = JdbcClient.create(session);
            long lockId = lockIdOf(id);
            if (wait) {
                sql.sql("SELECT pg_advisory_lock(:id)").param("id", lockId).query().singleRow();
            } else if (!sql.sql("SELECT pg_try_advisory_lock(:id)").param("id", lockId).query(Boolean.class).single()) {
                log.info("Sync of {} skipped: another sync of it is running", se.storageId());
                return Optional.empty();
            }
            try {
                SyncReport report = syncFiles(connection, sql, refreshInfo(reload(id)), startedAt, started);
                metrics.success(report);
                log.info("Synced {}: {} files on the SE, {} added, {} updated, {} copies marked missing, "
                                + "{} stale copies brought up to date ({} failed) in {} ms",
                        se.storageId(), report.filesOnSe(), report.filesAdded(), report.filesUpdated(),
                        report.copiesMarkedMissing(), report.staleCopiesUpdated(), report.staleCopiesFailed(),
                        report.durationMs());
                return Optional.of(report);
            } finally {
                if (!connection.getAutoCommit()) {
                    connection.rollback();
                    connection.setAutoCommit(true);
                }
                sql.sql("SELECT pg_advisory_unlock(:id)").param("id", lockId).query().singleRow();
            }
        } catch (ApiException ex) {
            metrics.failure(se.storageId(), Duration.ofNanos(System.nanoTime() - started));
            if (ex.code() == ErrorCode.SE_UNAVAILABLE) {
                storageElements.markOffline(id, Timestamps.now(clock));
            }
            log.warn("Sync of {} failed: {}", se.storageId(), ex.getMessage());
            throw ex;
        } catch (SQLException | RuntimeException ex) {
            metrics.failure(se.storageId(), Duration.ofNanos(System.nanoTime() - started));
            log.error("Sync of {} failed", se.storageId(), ex);
            throw ex instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException("Registry sync failed", ex);
        }
    }

    private SyncReport syncFiles(Connection connection, JdbcClient sql, StorageElement se, Instant startedAt,
                                 long startedNanos) throws SQLException {
        sql.sql("""
                CREATE TEMP TABLE IF NOT EXISTS sync_seen (file_id UUID)
                """).update();
        sql.sql(StagingCopy.CREATE_TABLE).update();
        sql.sql("CREATE TEMP TABLE IF NOT EXISTS sync_stale (file_id UUID)").update();
        sql.sql("TRUNCATE sync_seen, sync_page, sync_stale").update();
        connection.setAutoCommit(false);

        Counts counts = new Counts();
        Pass first = pass(connection, sql, se, counts);
        long total = first.total();
        long seen = sql.sql("SELECT count(DISTINCT file_id) FROM sync_seen").query(Long.class).single();
        if (seen < total || first.shrank()) {
            // The listing changed while it was read (offsets shifted: files added before the
            // reader served some twice, files removed before it made others skip a page): read
            // it once more so no file that is on the SE is taken for missing.
            log.info("Listing of {} changed during the sync ({} seen, {} reported, shrank: {}): second pass",
                    se.storageId(), seen, total, first.shrank());
            total = pass(connection, sql, se, counts).total();
        }

        sql.sql("ANALYZE sync_seen").update();
        Instant now = Timestamps.now(clock);
        long markedMissing = sql.sql("""
                        UPDATE file_copies c SET status = :missing, updated_at = :now
                        WHERE c.storage_element_id = :se
                          AND c.status IN (:ok, :corrupt)
                          AND c.updated_at < :startedAt
                          AND NOT EXISTS (SELECT 1 FROM sync_seen s WHERE s.file_id = c.file_id)
                        """)
                .param("missing", CopyStatus.MISSING.value())
                .param("ok", CopyStatus.OK.value())
                .param("corrupt", CopyStatus.CORRUPT.value())
                .param("se", se.id())
                .param("now", Timestamps.sql(now))
                .param("startedAt", Timestamps.sql(startedAt))
                .update();
        sql.sql("UPDATE storage_elements SET last_file_sync_at = :now, updated_at = :now WHERE id = :id")
                .param("id", se.id())
                .param("now", Timestamps.sql(now))
                .update();
        sql.sql("TRUNCATE sync_seen").update();
        connection.commit();
        connection.setAutoCommit(true);
        Repairs repairs = repairStale(sql, se);
        long durationMs = (System.nanoTime() - startedNanos) / 1_000_000;
        return new SyncReport(reload(se.id()), total, counts.added, counts.updated, 0, startedAt,
                Timestamps.now(clock), durationMs, markedMissing, repairs.updated, repairs.failed);
    }

    private record StaleFile(UUID fileId, String description, List<String> tags, boolean deleted) {
    }

    private static final class Repairs {
        private long updated;
        private long failed;
    }

    /**
     * Brings this SE's sidecars that are older than the registry's metadata up to date: the
     * registry's description and tags, or a delete. One call per file, in file-id order, read in
     * chunks (constant memory), at most {@value #MAX_STALE_REPAIRS} per run; a failure is logged
     * and retried by the next sync (the sidecar is still older then).
     */
    private Repairs repairStale(JdbcClient sql, StorageElement se) {
        Repairs repairs = new Repairs();
        UUID after = new UUID(Long.MIN_VALUE, Long.MIN_VALUE);
        boolean first = true;
        int done = 0;
        while (done < MAX_STALE_REPAIRS) {
            List<StaleFile> chunk = sql.sql("""
                            SELECT DISTINCT s.file_id, f.description, f.tags, f.status = :deleted AS deleted
                            FROM sync_stale s JOIN files f ON f.file_id = s.file_id
                            WHERE :first OR s.file_id > :after
                            ORDER BY s.file_id LIMIT :limit
                            """)
                    .param("deleted", FileStatus.DELETED.value())
                    .param("first", first)
                    .param("after", after)
                    .param("limit", Math.min(STALE_CHUNK, MAX_STALE_REPAIRS - done))
                    .query((rs, row) -> {
                        java.sql.Array tags = rs.getArray("tags");
                        return new StaleFile(rs.getObject("file_id", UUID.class), rs.getString("description"),
                                tags == null ? List.of() : List.of((String[]) tags.getArray()),
                                rs.getBoolean("deleted"));
                    }).list();
            if (chunk.isEmpty()) {
                break;
            }
            for (StaleFile file : chunk) {
                try {
                    if (file.deleted()) {
                        calls.delete(se.url(), file.fileId());
                    } else {
                        Map<String, Object> changes = new LinkedHashMap<>();
                        changes.put("description", file.description());
                        changes.put("tags", file.tags());
                        calls.updateMetadata(se.url(), file.fileId(), changes);
                    }
                    repairs.updated++;
                } catch (ApiException ex) {
                    repairs.failed++;
                    log.warn("Could not bring file {} on {} up to date: {}", file.fileId(), se.storageId(),
                            ex.getMessage());
                }
            }
            done += chunk.size();
            after = chunk.getLast().fileId();
            first = false;
        }
        if (done >= MAX_STALE_REPAIRS) {
            log.info("Sync of {}: {} stale sidecars brought up to date, the rest by the next sync", se.storageId(), done);
        }
        sql.sql("TRUNCATE sync_stale").update();
        return repairs;
    }

    /**
     * One read of the listing: the SE's last reported total, and whether a page reported a smaller
     * total than the page before it (files were removed while it was read).
     */
    private record Pass(long total, boolean shrank) {
    }

    /**
     * Reads the whole listing once, page by page. The next page is requested from the SE while the
     * current one is written, so the SE's work and the transfer overlap with the database's; the
     * requests are the same, in the same order.
     */
    private Pass pass(Connection connection, JdbcClient sql, StorageElement se, Counts counts)
            throws SQLException {
        int pageSize = properties.effectivePageSize();
        int offset = 0;
        long total = -1;
        boolean shrank = false;
        // A platform thread, and CompletableFuture.join() to wait: when the caller is itself a
        // ForkJoinPool worker, join() blocks in a managed way, so the pool can still run the
        // HTTP client's completion stages.
        ExecutorService prefetch = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon(true)
                .name("registry-sync-prefetch-" + se.storageId()).factory());
        try {
            CompletableFuture<Page<SeFileMetadata>> next = fetch(prefetch, se, pageSize, 0);
            while (true) {
                Page<SeFileMetadata> page = await(next);
                shrank |= total >= 0 && page.total() < total;
                total = page.total();
                List<SeFileMetadata> items = page.items();
                if (items.isEmpty()) {
                    return new Pass(total, shrank);
                }
                offset += items.size();
                next = page.hasMore() ? fetch(prefetch, se, pageSize, offset) : null;
                write(connection, sql, se, items, counts);
                if (next == null) {
                    return new Pass(total, shrank);
                }
            }
        } finally {
            prefetch.shutdownNow();
        }
    }

    private CompletableFuture<Page<SeFileMetadata>> fetch(ExecutorService executor, StorageElement se, int limit,
                                                          int offset) {
        return CompletableFuture.supplyAsync(() -> calls.listFiles(se.url(), limit, offset), executor);
    }

    /** One page into the registry: stage, remember the ids seen, upsert, commit. */
    private void write(Connection connection, JdbcClient sql, StorageElement se, List<SeFileMetadata> items,
                       Counts counts) throws SQLException {
        StagingCopy.copy(connection, items);
        sql.sql("INSERT INTO sync_seen SELECT file_id FROM sync_page").update();
        Instant now = Timestamps.now(clock);
        List<Boolean> inserted = sql.sql(UPSERT)
                .param("se", se.id())
                .param("now", Timestamps.sql(now))
                .query(Boolean.class).list();
        // a file whose first SE was removed from the registry gets this one (the contract's storage_element_id)
        sql.sql("""
                        UPDATE files f SET storage_element_id = :se
                        FROM sync_page p
                        WHERE f.file_id = p.file_id AND f.storage_element_id IS NULL
                        """)
                .param("se", se.id())
                .update();
        sql.sql(UPSERT_COPIES)
                .param("se", se.id())
                .param("now", Timestamps.sql(now))
                .param("ok", CopyStatus.OK.value())
                .param("corrupt", CopyStatus.CORRUPT.value())
                .update();
        sql.sql(NOTE_STALE)
                .param("deleted", FileStatus.DELETED.value())
                .update();
        for (Boolean isNew : inserted) {
            if (Boolean.TRUE.equals(isNew)) {
                counts.added++;
            } else {
                counts.updated++;
            }
        }
        sql.sql("TRUNCATE sync_page").update();
        connection.commit();
    }

    /** The result of a page request; its exception as thrown by the call itself. */
    private static Page<SeFileMetadata> await(CompletableFuture<Page<SeFileMetadata>> page) {
        try {
            return page.join();
        } catch (CompletionException ex) {
            if (ex.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("Listing the storage element failed", ex.getCause());
        }
    }

    /**
     * The page's files: new ones inserted; an existing row takes the sidecar's metadata only when
     * the sidecar is newer than the row's {@code metadata_updated_at} (or the row has none yet and
     * the sidecar none either: SEs that predate copies keep winning as before). The first SE stays
     * {@code storage_element_id}.
     */
    private static final String UPSERT = """
            INSERT INTO files AS f (file_id, original_filename, content_type, size, checksum, storage_element_id,
                                    uploaded_by, uploaded_at, description, tags, status, retention_policy, ttl_days,
                                    expires_at, metadata_updated_at, created_at, updated_at)
            SELECT DISTINCT ON (p.file_id)
                   p.file_id, p.original_filename, p.content_type, p.size, p.checksum, :se,
                   p.uploaded_by, p.uploaded_at, p.description, p.tags, p.status, p.retention_policy, p.ttl_days,
                   p.expires_at, p.updated_at, :now, :now
            FROM sync_page p
            LEFT JOIN files cur ON cur.file_id = p.file_id
            WHERE cur.file_id IS NULL
               OR ((cur.metadata_updated_at IS NULL OR p.updated_at > cur.metadata_updated_at)
                   AND (cur.original_filename, cur.content_type, cur.size, cur.checksum,
                        COALESCE(cur.storage_element_id, CAST(:se AS UUID)), cur.uploaded_by, cur.uploaded_at,
                        cur.description, cur.tags, cur.status, cur.retention_policy, cur.ttl_days, cur.expires_at,
                        cur.metadata_updated_at)
                       IS DISTINCT FROM
                       (p.original_filename, p.content_type, p.size, p.checksum, COALESCE(cur.storage_element_id,
                        CAST(:se AS UUID)), p.uploaded_by, p.uploaded_at, p.description, p.tags, p.status,
                        p.retention_policy, p.ttl_days, p.expires_at, p.updated_at))
            ORDER BY p.file_id, p.updated_at DESC NULLS LAST
            ON CONFLICT (file_id) DO UPDATE SET
                original_filename = EXCLUDED.original_filename,
                content_type = EXCLUDED.content_type,
                size = EXCLUDED.size,
                checksum = EXCLUDED.checksum,
                storage_element_id = COALESCE(f.storage_element_id, EXCLUDED.storage_element_id),
                uploaded_by = EXCLUDED.uploaded_by,
                uploaded_at = EXCLUDED.uploaded_at,
                description = EXCLUDED.description,
                tags = EXCLUDED.tags,
                status = EXCLUDED.status,
                retention_policy = EXCLUDED.retention_policy,
                ttl_days = EXCLUDED.ttl_days,
                expires_at = EXCLUDED.expires_at,
                metadata_updated_at = EXCLUDED.metadata_updated_at,
                updated_at = EXCLUDED.updated_at
            WHERE (f.metadata_updated_at IS NULL OR EXCLUDED.metadata_updated_at > f.metadata_updated_at)
              AND (f.original_filename, f.content_type, f.size, f.checksum,
                   COALESCE(f.storage_element_id, EXCLUDED.storage_element_id), f.uploaded_by,
                   f.uploaded_at, f.description, f.tags, f.status, f.retention_policy, f.ttl_days, f.expires_at,
                   f.metadata_updated_at)
                  IS DISTINCT FROM
                  (EXCLUDED.original_filename, EXCLUDED.content_type, EXCLUDED.size, EXCLUDED.checksum,
                   COALESCE(f.storage_element_id, EXCLUDED.storage_element_id), EXCLUDED.uploaded_by,
                   EXCLUDED.uploaded_at, EXCLUDED.description, EXCLUDED.tags, EXCLUDED.status,
                   EXCLUDED.retention_policy, EXCLUDED.ttl_days, EXCLUDED.expires_at, EXCLUDED.metadata_updated_at)
            RETURNING (xmax = 0) AS inserted
            """;

    /**
     * This SE's copies of the page's files: ok, or corrupt when the SE's scrub said so; a copy
     * that was missing and is listed again is ok again. A sidecar without verified_at keeps the
     * registry's (the time registration or replication verified the bytes).
     */
    private static final String UPSERT_COPIES = """
            INSERT INTO file_copies AS c (file_id, storage_element_id, status, verified_at, created_at, updated_at)
            SELECT DISTINCT ON (p.file_id)
                   p.file_id, :se, CASE WHEN p.copy_status = :corrupt THEN :corrupt ELSE :ok END,
                   p.verified_at, :now, :now
            FROM sync_page p
            LEFT JOIN file_copies cur ON cur.file_id = p.file_id AND cur.storage_element_id = :se
            WHERE cur.file_id IS NULL
               OR (cur.status, cur.verified_at) IS DISTINCT FROM
                  (CASE WHEN p.copy_status = :corrupt THEN :corrupt ELSE :ok END,
                   COALESCE(p.verified_at, cur.verified_at))
            ORDER BY p.file_id, p.updated_at DESC NULLS LAST
            ON CONFLICT (file_id, storage_element_id) DO UPDATE SET
                status = EXCLUDED.status,
                verified_at = COALESCE(EXCLUDED.verified_at, c.verified_at),
                updated_at = EXCLUDED.updated_at
            WHERE (c.status, c.verified_at) IS DISTINCT FROM
                  (EXCLUDED.status, COALESCE(EXCLUDED.verified_at, c.verified_at))
            """;

    /**
     * This page's sidecars that are older than the registry's metadata and differ from it (or are
     * not yet deleted while the registry says deleted). A sidecar that is itself deleted cannot be
     * changed any more; one without updated_at (an SE that predates copies) counts as older.
     */
    private static final String NOTE_STALE = """
            INSERT INTO sync_stale (file_id)
            SELECT p.file_id
            FROM sync_page p JOIN files f ON f.file_id = p.file_id
            WHERE f.metadata_updated_at IS NOT NULL
              AND (p.updated_at IS NULL OR p.updated_at < f.metadata_updated_at)
              AND p.status IS DISTINCT FROM :deleted
              AND (f.status = :deleted OR (f.description, f.tags) IS DISTINCT FROM (p.description, p.tags))
            """;

    private StorageElement reload(UUID id) {
        return storageElements.findById(id)
                .orElseThrow(() -> ApiException.notFound("Storage element " + id + " not found"));
    }

    /** The advisory lock id of syncs of one SE. */
    public static long lockIdOf(UUID id) {
        return LOCK_NAMESPACE | ((id.getMostSignificantBits() ^ id.getLeastSignificantBits()) & 0xFFFF_FFFFL);
    }

    private static final class Counts {
        private long added;
        private long updated;
    }
}
