package io.artstore.admin.sync;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.artstore.admin.storage.StorageElement;
import io.artstore.admin.storage.StorageElementCalls;
import io.artstore.admin.storage.StorageElementRepository;
import io.artstore.admin.support.AdminApiTest;
import io.artstore.kernel.client.storage.SeFileMetadata;
import io.artstore.kernel.client.storage.SeStorageInfo;
import io.artstore.kernel.contract.StorageElementStatus;
import io.artstore.kernel.contract.StorageMode;
import io.artstore.kernel.error.ApiException;
import io.artstore.kernel.error.ErrorCode;
import io.artstore.kernel.paging.Page;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.DynamicPropertyRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The registry sync against a scripted storage element (listing pages of 7 files, so one sync
 * is many pages) on the real database: every row equal to the listing, counts, copies of files
 * gone marked missing (the files themselves kept), the second pass when the listing grew or shrank while it was read, a page the
 * database rejects, an SE failing in the middle of the listing. After each failure the pool has
 * every connection back and the next sync of the SE works. Then copies: two SEs holding the same
 * files, a file gone from one of them, the newest sidecar winning, a stale SE brought up to date,
 * and the recovery of an emptied registry.
 */
class RegistrySyncListingIT extends AdminApiTest {

    private static final int PAGE = 7;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("artstore.admin.sync.scheduling", () -> "false");
    }

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    StorageElementRepository storageElements;
    @Autowired
    SyncMetrics metrics;

    @Test
    void manyPagesEqualTheListingAndCopiesOfFilesGoneAreMarkedMissing() {
        ScriptedSe se = new ScriptedSe(files(100));
        RegistrySync sync = registrySync(se);

        SyncReport first = sync.sync(se.id);
        assertCounts(first, 100, 100, 0, 0);
        assertRegistryEqualsListing(se, List.of());
        assertThat(first.storageElement().lastFileSyncAt()).isNotNull();

        List<SeFileMetadata> original = List.copyOf(se.files);
        List<SeFileMetadata> gone = List.of(original.get(0), original.get(20), original.get(40), original.get(60),
                original.get(80));
        se.files.removeAll(gone);
        for (int i = 0; i < 10; i++) {
            SeFileMetadata changed = original.get(9 * i + 1);
            se.files.set(se.files.indexOf(changed), describe(changed, "changed " + i));
        }
        se.files.addAll(files(3));
        SyncReport second = sync.sync(se.id);
        assertCounts(second, 98, 3, 10, 5);
        assertThat(second.filesMarkedDeleted()).as("files are never deleted because a copy vanished").isZero();
        assertRegistryEqualsListing(se, gone);

        SyncReport quiet = sync.sync(se.id);
        assertCounts(quiet, 98, 0, 0, 0);
        assertRegistryEqualsListing(se, gone);
        assertPoolIdle();
    }

    @Test
    void aListingThatGrowsBehindTheReaderIsReadASecondTime() {
        ScriptedSe se = new ScriptedSe(files(60));
        RegistrySync sync = registrySync(se);
        sync.sync(se.id);
        // Between the pages at offsets 14 and 21 of the next run, 7 files older than all others
        // appear at the start of the listing: the rest shifts by a page, the first pass serves
        // files again, 7 of the files on the SE only the second pass reads.
        List<SeFileMetadata> older = files(7).stream()
                .map(file -> uploadedAt(file, Instant.parse("2001-01-01T00:00:00Z"))).toList();
        SyncReport report = syncChangingBehindTheReader(se, sync, () -> se.files.addAll(0, older));
        assertCounts(report, 67, 7, 0, 0);
        assertRegistryEqualsListing(se, List.of());
        assertPoolIdle();
    }

    @Test
    void aListingThatShrinksBehindTheReaderIsReadASecondTime() {
        ScriptedSe se = new ScriptedSe(files(60));
        RegistrySync sync = registrySync(se);
        sync.sync(se.id);
        // Between the pages at offsets 14 and 21 of the next run, the SE's GC removes the 7
        // oldest files (already read): the rest shifts back by a page, and files 14..20, still on
        // the SE, are served by no page of the first pass.
        List<SeFileMetadata> removed = List.copyOf(se.files.subList(0, 7));
        SyncReport report = syncChangingBehindTheReader(se, sync, () -> se.files.subList(0, 7).clear());
        assertCounts(report, 53, 0, 0, 0);
        // the removed files were seen by this run: the next one marks their copies missing
        assertThat(sync.sync(se.id).copiesMarkedMissing()).isEqualTo(removed.size());
        assertRegistryEqualsListing(se, removed);
        assertPoolIdle();
    }

    @Test
    void aPageTheDatabaseRejectsFailsTheSyncAndTheNextSyncWorks() {
        ScriptedSe se = new ScriptedSe(files(70));
        RegistrySync sync = registrySync(se);
        sync.sync(se.id);
        Instant lastSync = storageElements.findById(se.id).orElseThrow().lastFileSyncAt();

        // a bad row on page 1 (files 7..13), then on page 2 (files 14..20)
        for (int poisoned : List.of(9, 16)) {
            List<SeFileMetadata> before = List.copyOf(se.files);
            List<String> rowsBefore = rows(se.id);
            se.files.set(poisoned - 2, describe(se.files.get(poisoned - 2), "would change"));
            se.files.set(poisoned, status(se.files.get(poisoned), "bogus"));
            se.files.subList(50, 70).clear();

            assertThatThrownBy(() -> sync.sync(se.id)).as("poisoned file " + poisoned)
                    .hasStackTraceContaining("files_status_check");
            assertThat(rows(se.id)).as("the failed page rolled back, nothing marked missing").isEqualTo(rowsBefore);
            assertThat(storageElements.findById(se.id).orElseThrow().lastFileSyncAt()).isEqualTo(lastSync);
            assertPoolIdle();

            se.files.set(poisoned, status(se.files.get(poisoned), "active"));
            SyncReport next = sync.sync(se.id);
            List<SeFileMetadata> gone = before.subList(50, 70);
            assertCounts(next, 50, 0, 1, gone.size());
            assertRegistryEqualsListing(se, gone);
            se.files.addAll(gone);
            SyncReport restored = sync.sync(se.id);
            assertThat(restored.filesUpdated()).as("the files were kept, only their copies missing").isZero();
            assertRegistryEqualsListing(se, List.of());
            lastSync = restored.storageElement().lastFileSyncAt();
        }
        assertPoolIdle();
    }

    @Test
    void anSeFailingInTheMiddleOfTheListingFailsTheSyncAndTheNextSyncWorks() {
        ScriptedSe se = new ScriptedSe(files(50));
        RegistrySync sync = registrySync(se);
        sync.sync(se.id);
        List<String> rowsBefore = rows(se.id);
        List<SeFileMetadata> gone = List.copyOf(se.files.subList(0, 5));
        se.files.subList(0, 5).clear();
        se.beforeListing = offset -> {
            if (offset == 28) {
                throw new ApiException(ErrorCode.SE_UNAVAILABLE, "storage element went away");
            }
        };

        assertThatThrownBy(() -> sync.sync(se.id)).isInstanceOfSatisfying(ApiException.class,
                ex -> assertThat(ex.code()).isEqualTo(ErrorCode.SE_UNAVAILABLE));
        assertThat(storageElements.findById(se.id).orElseThrow().status()).isEqualTo(StorageElementStatus.OFFLINE.value());
        assertThat(rows(se.id)).as("nothing marked missing").isEqualTo(rowsBefore);
        assertPoolIdle();

        se.beforeListing = offset -> { };
        SyncReport next = sync.sync(se.id);
        assertCounts(next, 45, 0, 0, gone.size());
        assertThat(next.storageElement().status()).isEqualTo(StorageElementStatus.ONLINE.value());
        assertRegistryEqualsListing(se, gone);
        assertPoolIdle();
    }

    @Test
    void twoSesHoldingTheSameFilesGiveOneFileWithTwoCopiesAndAFileGoneFromOneMarksOnlyThatCopy() {
        List<SeFileMetadata> shared = files(20).stream().map(f -> sidecar(f, T0, f.description(), "active", null)).toList();
        ScriptedSe a = new ScriptedSe(shared);
        ScriptedSe b = new ScriptedSe(shared);
        b.files.set(3, sidecar(shared.get(3), T0, shared.get(3).description(), "active", "corrupt"));
        RegistrySync syncA = registrySync(a);
        RegistrySync syncB = registrySync(b);
        a.lastScrubAt = T0.plusSeconds(3);

        assertCounts(syncA.sync(a.id), 20, 20, 0, 0);
        assertThat(jdbc.sql("SELECT last_scrub_at FROM storage_elements WHERE id = :id").param("id", a.id)
                .query(java.time.OffsetDateTime.class).single().toInstant()).as("from the SE's info")
                .isEqualTo(T0.plusSeconds(3));
        assertCounts(syncB.sync(b.id), 20, 0, 0, 0);
        for (SeFileMetadata file : shared) {
            assertThat(copiesOf(file.fileId())).as("copies of " + file.fileId())
                    .containsOnlyKeys(a.id, b.id);
        }
        assertThat(copiesOf(shared.get(3).fileId())).containsEntry(a.id, "ok").containsEntry(b.id, "corrupt");
        assertThat(jdbc.sql("SELECT count(*) FROM files WHERE storage_element_id = :a").param("a", a.id)
                .query(Long.class).single()).as("the first SE synced stays the file's first SE").isEqualTo(20);

        SeFileMetadata gone = b.files.remove(7);
        SyncReport report = syncB.sync(b.id);
        assertThat(report.copiesMarkedMissing()).isEqualTo(1);
        assertThat(copiesOf(gone.fileId())).containsEntry(a.id, "ok").containsEntry(b.id, "missing");
        assertThat(fileStatus(gone.fileId())).as("the file itself is kept").isEqualTo("active");
        assertThat(syncA.sync(a.id).copiesMarkedMissing()).isZero();

        b.files.add(gone);
        b.files.set(3, shared.get(3));
        assertThat(syncB.sync(b.id).copiesMarkedMissing()).isZero();
        assertThat(copiesOf(gone.fileId())).as("found again").containsEntry(b.id, "ok");
        assertThat(copiesOf(shared.get(3).fileId())).as("replaced by a good copy").containsEntry(b.id, "ok");

        // database loss: an emptied registry synced from both SEs gets every file once and both copies
        jdbc.sql("DELETE FROM files WHERE file_id = ANY(:ids)")
                .param("ids", shared.stream().map(SeFileMetadata::fileId).toArray(UUID[]::new)).update();
        assertCounts(syncB.sync(b.id), 20, 20, 0, 0);
        assertCounts(syncA.sync(a.id), 20, 0, 0, 0);
        for (SeFileMetadata file : shared) {
            assertThat(copiesOf(file.fileId())).containsEntry(a.id, "ok").containsEntry(b.id, "ok");
        }
        assertPoolIdle();
    }

    @Test
    void theNewestSidecarWinsAndAStaleSeIsBroughtUpToDate() {
        SeFileMetadata original = sidecar(files(1).getFirst(), T0, "first", "active", null);
        ScriptedSe a = new ScriptedSe(List.of(original));
        ScriptedSe b = new ScriptedSe(List.of(original));
        RegistrySync syncA = registrySync(a);
        RegistrySync syncB = registrySync(b);
        syncA.sync(a.id);
        syncB.sync(b.id);
        UUID id = original.fileId();

        // edited on A (while the registry did not see it): A's newer sidecar wins, B is brought up to date
        a.files.set(0, sidecar(original, T0.plusSeconds(60), "edited on A", "active", null));
        assertThat(syncA.sync(a.id).filesUpdated()).isEqualTo(1);
        assertThat(description(id)).isEqualTo("edited on A");
        SyncReport staleB = syncB.sync(b.id);
        assertThat(staleB.staleCopiesUpdated()).isEqualTo(1);
        assertThat(b.files.getFirst().description()).isEqualTo("edited on A");
        assertThat(b.updates).containsExactly(id);
        assertThat(description(id)).as("B's older sidecar did not win").isEqualTo("edited on A");

        // B's sidecar is now newer (its PATCH set updated_at) with the same metadata: nothing else to do
        SyncReport quiet = syncA.sync(a.id);
        assertThat(quiet.staleCopiesUpdated()).isZero();
        assertThat(syncB.sync(b.id).staleCopiesUpdated()).isZero();

        // an old sidecar on A (restored from a backup, say) loses and is corrected
        a.files.set(0, sidecar(original, T0, "stale", "active", null));
        assertThat(syncA.sync(a.id).staleCopiesUpdated()).isEqualTo(1);
        assertThat(description(id)).isEqualTo("edited on A");
        assertThat(a.files.getFirst().description()).isEqualTo("edited on A");

        // deleted in the registry while B was down: B's copy is deleted by its next sync
        jdbc.sql("UPDATE files SET status = 'deleted', metadata_updated_at = now() + interval '1 hour' WHERE file_id = :id")
                .param("id", id).update();
        SyncReport deleteB = syncB.sync(b.id);
        assertThat(deleteB.staleCopiesUpdated()).isEqualTo(1);
        assertThat(b.deletes).containsExactly(id);
        assertThat(b.files.getFirst().status()).isEqualTo("deleted");
        assertThat(fileStatus(id)).isEqualTo("deleted");
        assertThat(syncB.sync(b.id).staleCopiesUpdated()).as("a deleted sidecar is left alone").isZero();

        // an SE that refuses is counted and retried next time, the sync itself succeeds
        a.refuse = true;
        SyncReport refused = syncA.sync(a.id);
        assertThat(refused.staleCopiesFailed()).isEqualTo(1);
        assertPoolIdle();
    }

    @Test
    void aDeletedOrExpiredSidecarThatIsNewestWinsButACopyVanishingNeverDeletesTheFile() {
        SeFileMetadata original = sidecar(files(1).getFirst(), T0, "doc", "active", null);
        ScriptedSe a = new ScriptedSe(List.of(original));
        ScriptedSe b = new ScriptedSe(List.of(original));
        RegistrySync syncA = registrySync(a);
        RegistrySync syncB = registrySync(b);
        syncA.sync(a.id);
        syncB.sync(b.id);
        a.files.clear();
        syncA.sync(a.id);
        assertThat(fileStatus(original.fileId())).isEqualTo("active");
        b.files.set(0, sidecar(original, T0.plusSeconds(5), "doc", "expired", null));
        syncB.sync(b.id);
        assertThat(fileStatus(original.fileId())).as("the SE's GC expired it: newest wins").isEqualTo("expired");
        assertThat(b.updates).isEmpty();
        assertPoolIdle();
    }

    private static final Instant T0 = Instant.parse("2026-02-01T00:00:00Z");

    private static SeFileMetadata sidecar(SeFileMetadata f, Instant updatedAt, String description, String status,
                                          String copyStatus) {
        return new SeFileMetadata(f.fileId(), f.originalFilename(), f.contentType(), f.size(), f.checksum(),
                f.uploadedBy(), f.uploadedAt(), description, f.tags(), status, f.retentionPolicy(), f.ttlDays(),
                f.expiresAt(), copyStatus, null, updatedAt);
    }

    private Map<UUID, String> copiesOf(UUID fileId) {
        Map<UUID, String> copies = new HashMap<>();
        jdbc.sql("SELECT storage_element_id, status FROM file_copies WHERE file_id = :id").param("id", fileId)
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs ->
                        copies.put(rs.getObject("storage_element_id", UUID.class), rs.getString("status")));
        return copies;
    }

    private String fileStatus(UUID fileId) {
        return jdbc.sql("SELECT status FROM files WHERE file_id = :id").param("id", fileId).query(String.class).single();
    }

    private String description(UUID fileId) {
        return jdbc.sql("SELECT description FROM files WHERE file_id = :id").param("id", fileId)
                .query(String.class).single();
    }

    // ----------------------------------------------------------------------------------------

    private RegistrySync registrySync(StorageElementCalls calls) {
        SyncProperties properties = new SyncProperties(Duration.ofHours(1), PAGE, Duration.ofMinutes(1), 4, 0,
                Duration.ofMillis(10), false);
        return new RegistrySync(dataSource, storageElements, calls, properties, metrics, clock);
    }

    /**
     * Syncs the SE again while {@code change} happens to its listing once, between the pages at
     * offsets 14 and 21; checks that the listing was then read twice.
     */
    private static SyncReport syncChangingBehindTheReader(ScriptedSe se, RegistrySync sync, Runnable change) {
        int before = se.files.size();
        se.beforeListing = offset -> {
            if (offset == 21 && se.files.size() == before) {
                change.run();
            }
        };
        se.requestedOffsets.clear();
        SyncReport report = sync.sync(se.id);
        assertThat(se.requestedOffsets).as("two passes").isEqualTo(twice(offsets(se.files.size())));
        return report;
    }

    /** The offsets of one pass over a listing of {@code count} files. */
    private static List<Integer> offsets(int count) {
        List<Integer> offsets = new ArrayList<>();
        for (int offset = 0; offset < count; offset += PAGE) {
            offsets.add(offset);
        }
        return offsets;
    }

    private static List<Integer> twice(List<Integer> pass) {
        List<Integer> both = new ArrayList<>(pass);
        both.addAll(pass);
        return both;
    }

    private static void assertCounts(SyncReport report, long onSe, long added, long updated, long copiesMissing) {
        assertThat(List.of(report.filesOnSe(), report.filesAdded(), report.filesUpdated(), report.copiesMarkedMissing()))
                .as("files on the SE, added, updated, copies marked missing")
                .containsExactly(onSe, added, updated, copiesMissing);
        assertThat(report.filesMarkedDeleted()).isZero();
    }

    /**
     * Every listed file has a row with its fields and an ok copy on the SE; the rows of
     * {@code gone} are kept unchanged with their copy missing; there are no others.
     */
    private void assertRegistryEqualsListing(ScriptedSe se, List<SeFileMetadata> gone) {
        Map<UUID, SeFileMetadata> rows = new HashMap<>();
        jdbc.sql("SELECT * FROM files WHERE storage_element_id = :se").param("se", se.id)
                .query((rs, n) -> metadata(rs)).list()
                .forEach(row -> rows.put(row.fileId(), row));
        Map<UUID, String> copies = copies(se.id);
        for (SeFileMetadata file : gone) {
            assertThat(rows.remove(file.fileId())).as("row of " + file.fileId()).isEqualTo(file);
            assertThat(copies.remove(file.fileId())).as("copy of " + file.fileId()).isEqualTo("missing");
        }
        assertThat(rows.values()).containsExactlyInAnyOrderElementsOf(se.files);
        assertThat(copies.keySet()).containsExactlyInAnyOrderElementsOf(se.files.stream().map(SeFileMetadata::fileId).toList());
        assertThat(copies.values()).containsOnly("ok");
    }

    /** The SE's copies: file id to status. */
    private Map<UUID, String> copies(UUID se) {
        Map<UUID, String> copies = new HashMap<>();
        jdbc.sql("SELECT file_id, status FROM file_copies WHERE storage_element_id = :se").param("se", se)
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs ->
                        copies.put(rs.getObject("file_id", UUID.class), rs.getString("status")));
        return copies;
    }

    /** The SE's registry rows and copies, every column. */
    private List<String> rows(UUID se) {
        List<String> rows = new ArrayList<>(jdbc.sql(
                        "SELECT to_jsonb(f)::text FROM files f WHERE storage_element_id = :se ORDER BY file_id")
                .param("se", se).query(String.class).list());
        rows.addAll(jdbc.sql("SELECT to_jsonb(c)::text FROM file_copies c WHERE storage_element_id = :se ORDER BY file_id")
                .param("se", se).query(String.class).list());
        return rows;
    }

    private static SeFileMetadata metadata(ResultSet rs) throws SQLException {
        return new SeFileMetadata(rs.getObject("file_id", UUID.class), rs.getString("original_filename"),
                rs.getString("content_type"), rs.getLong("size"), rs.getString("checksum"), rs.getString("uploaded_by"),
                instant(rs, "uploaded_at"), rs.getString("description"),
                Arrays.asList((String[]) rs.getArray("tags").getArray()), rs.getString("status"),
                rs.getString("retention_policy"), rs.getObject("ttl_days", Integer.class), instant(rs, "expires_at"), null, null, null);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        java.time.OffsetDateTime value = rs.getObject(column, java.time.OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** Every pooled connection is back (waiting a little for other users of the pool to return theirs). */
    private void assertPoolIdle() {
        try {
            assertThat(dataSource.isWrapperFor(HikariDataSource.class)).isTrue();
            HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (pool.getHikariPoolMXBean().getActiveConnections() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(pool.getHikariPoolMXBean().getActiveConnections()).as("connections in use").isZero();
        } catch (SQLException ex) {
            throw new IllegalStateException(ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    private static List<SeFileMetadata> files(int count) {
        List<SeFileMetadata> files = new ArrayList<>();
        Instant base = Instant.parse("2026-01-01T00:00:00Z").plusSeconds((long) (Math.random() * 1e6));
        for (int i = 0; i < count; i++) {
            UUID id = UUID.randomUUID();
            boolean temporary = i % 3 == 0;
            Instant uploaded = base.plus(i * 1_234_567L, ChronoUnit.MICROS);
            files.add(new SeFileMetadata(id, "file " + i + " \t\"" + id.toString().substring(0, 4) + "\".txt",
                    i % 2 == 0 ? "text/plain" : "application/pdf", 100L * i, "sha-" + id, "loader-" + i % 4, uploaded,
                    i % 5 == 0 ? null : "description\n" + i, List.of("t" + i % 3, "all"),
                    List.of("active", "active", "expired", "deleted").get(i % 4), temporary ? "temporary" : "permanent",
                    temporary ? 1 + i % 30 : null, temporary ? uploaded.plus(Duration.ofDays(1 + i % 30)) : null, null, null, null));
        }
        return files;
    }

    private static SeFileMetadata describe(SeFileMetadata f, String description) {
        return new SeFileMetadata(f.fileId(), f.originalFilename(), f.contentType(), f.size(), f.checksum(),
                f.uploadedBy(), f.uploadedAt(), description, f.tags(), f.status(), f.retentionPolicy(), f.ttlDays(),
                f.expiresAt(), null, null, null);
    }

    private static SeFileMetadata status(SeFileMetadata f, String status) {
        return new SeFileMetadata(f.fileId(), f.originalFilename(), f.contentType(), f.size(), f.checksum(),
                f.uploadedBy(), f.uploadedAt(), f.description(), f.tags(), status, f.retentionPolicy(), f.ttlDays(),
                f.expiresAt(), null, null, null);
    }

    private static SeFileMetadata uploadedAt(SeFileMetadata f, Instant at) {
        return new SeFileMetadata(f.fileId(), f.originalFilename(), f.contentType(), f.size(), f.checksum(),
                f.uploadedBy(), at, f.description(), f.tags(), f.status(), f.retentionPolicy(), f.ttlDays(),
                f.expiresAt(), null, null, null);
    }

    /** A registered storage element whose listing the test scripts; its calls never leave the JVM. */
    private final class ScriptedSe extends StorageElementCalls {

        final UUID id = UUID.randomUUID();
        final String url = "https://scripted-" + id + ".invalid";
        final List<SeFileMetadata> files;
        final List<Integer> requestedOffsets = new CopyOnWriteArrayList<>();
        final List<UUID> updates = new CopyOnWriteArrayList<>();
        final List<UUID> deletes = new CopyOnWriteArrayList<>();
        volatile boolean refuse;
        volatile Instant lastScrubAt;
        volatile IntConsumer beforeListing = offset -> { };

        ScriptedSe(List<SeFileMetadata> files) {
            super(null);
            this.files = new CopyOnWriteArrayList<>(files);
            Instant now = clock.instant();
            storageElements.insert(new StorageElement(id, "Scripted", url, "se-" + id, StorageMode.EDIT.value(), StorageElementStatus.ONLINE.value(),
                    0, 0, 0, null, null, null, null, null, now, now, null, null, null));
        }

        @Override
        public SeStorageInfo info(String url) {
            return new SeStorageInfo("se-" + id, "edit", "online", "test", new SeStorageInfo.Capacity(1000, 10, 990),
                    null, null, List.of(), lastScrubAt);
        }

        @Override
        public Page<SeFileMetadata> listFiles(String url, int limit, int offset) {
            requestedOffsets.add(offset);
            beforeListing.accept(offset);
            List<SeFileMetadata> now = List.copyOf(files);
            int from = Math.min(offset, now.size());
            int to = Math.min(offset + limit, now.size());
            return new Page<>(now.subList(from, to), now.size(), limit, offset, to < now.size(), false);
        }

        /** As an SE does: the sidecar changes and its updated_at becomes now. */
        @Override
        @SuppressWarnings("unchecked")
        public SeFileMetadata updateMetadata(String url, UUID fileId, Map<String, Object> changes) {
            if (refuse) {
                throw new ApiException(ErrorCode.SE_UNAVAILABLE, "storage element down");
            }
            updates.add(fileId);
            return change(fileId, f -> sidecar(f, clock.instant(), (String) changes.get("description"), f.status(),
                    f.copyStatus()), (List<String>) changes.get("tags"));
        }

        @Override
        public void delete(String url, UUID fileId) {
            if (refuse) {
                throw new ApiException(ErrorCode.SE_UNAVAILABLE, "storage element down");
            }
            deletes.add(fileId);
            change(fileId, f -> sidecar(f, clock.instant(), f.description(), "deleted", f.copyStatus()), null);
        }

        private SeFileMetadata change(UUID fileId, java.util.function.UnaryOperator<SeFileMetadata> change,
                                      List<String> tags) {
            for (int i = 0; i < files.size(); i++) {
                SeFileMetadata f = files.get(i);
                if (f.fileId().equals(fileId)) {
                    SeFileMetadata changed = change.apply(f);
                    if (tags != null) {
                        changed = new SeFileMetadata(changed.fileId(), changed.originalFilename(),
                                changed.contentType(), changed.size(), changed.checksum(), changed.uploadedBy(),
                                changed.uploadedAt(), changed.description(), tags, changed.status(),
                                changed.retentionPolicy(), changed.ttlDays(), changed.expiresAt(),
                                changed.copyStatus(), changed.verifiedAt(), changed.updatedAt());
                    }
                    files.set(i, changed);
                    return changed;
                }
            }
            throw new IllegalStateException("no file " + fileId);
        }
    }
}
