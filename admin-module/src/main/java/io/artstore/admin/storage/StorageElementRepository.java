package io.artstore.admin.storage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.artstore.kernel.contract.CopyStatus;
import io.artstore.kernel.contract.FileStatus;
import io.artstore.kernel.contract.RetentionPolicy;
import io.artstore.kernel.contract.StorageElementStatus;
import io.artstore.kernel.contract.StorageMode;

import io.artstore.admin.common.Timestamps;
import io.artstore.kernel.paging.PageQuery;
import org.springframework.jdbc.core.simple.JdbcClient;

/** SQL over {@code storage_elements}. */
public class StorageElementRepository {

    private static final String FILTER = """
            WHERE (CAST(:mode AS VARCHAR) IS NULL OR mode = :mode)
              AND (CAST(:status AS VARCHAR) IS NULL OR status = :status)
            """;

    private final JdbcClient jdbc;

    public StorageElementRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<StorageElement> findById(UUID id) {
        return jdbc.sql("SELECT * FROM storage_elements WHERE id = :id").param("id", id)
                .query(StorageElementRepository::map).optional();
    }

    public Optional<StorageElement> findByUrl(String url) {
        return jdbc.sql("SELECT * FROM storage_elements WHERE url = :url").param("url", url)
                .query(StorageElementRepository::map).optional();
    }

    public Optional<StorageElement> findByStorageId(String storageId) {
        return jdbc.sql("SELECT * FROM storage_elements WHERE storage_id = :storageId ORDER BY created_at LIMIT 1")
                .param("storageId", storageId)
                .query(StorageElementRepository::map).optional();
    }

    public List<StorageElement> list(StorageMode mode, StorageElementStatus status, PageQuery page) {
        return jdbc.sql("SELECT * FROM storage_elements " + FILTER + " ORDER BY created_at, id LIMIT :limit OFFSET :offset")
                .param("mode", mode == null ? null : mode.value())
                .param("status", status == null ? null : status.value())
                .param("limit", page.limit())
                .param("offset", page.offset())
                .query(StorageElementRepository::map).list();
    }

    public long count(StorageMode mode, StorageElementStatus status) {
        return jdbc.sql("SELECT count(*) FROM storage_elements " + FILTER)
                .param("mode", mode == null ? null : mode.value())
                .param("status", status == null ? null : status.value())
                .query(Long.class).single();
    }

    public List<StorageElement> all() {
        return jdbc.sql("SELECT * FROM storage_elements ORDER BY created_at, id")
                .query(StorageElementRepository::map).list();
    }

    /** Number of storage elements per (mode, status). */
    public Map<List<String>, Long> countByModeAndStatus() {
        return jdbc.sql("SELECT mode, status, count(*) AS n FROM storage_elements GROUP BY mode, status")
                .query(rs -> {
                    Map<List<String>, Long> counts = new java.util.HashMap<>();
                    while (rs.next()) {
                        counts.put(List.of(rs.getString("mode"), rs.getString("status")), rs.getLong("n"));
                    }
                    return counts;
                });
    }

    public void insert(StorageElement se) {
        jdbc.sql("""
                        INSERT INTO storage_elements (id, name, url, storage_id, mode, status, capacity_bytes, used_bytes,
                                                      available_bytes, filesystem_id, filesystem_total_bytes,
                                                      filesystem_available_bytes, last_sync_at, last_file_sync_at,
                                                      created_at, updated_at, site, drain_requested_at, last_scrub_at)
                        VALUES (:id, :name, :url, :storageId, :mode, :status, :capacity, :used,
                                :available, :filesystemId, :filesystemTotal, :filesystemAvailable, :lastSyncAt,
                                :lastFileSyncAt, :createdAt, :updatedAt, :site, :drainRequestedAt, :lastScrubAt)
                        """)
                .param("id", se.id())
                .param("name", se.name())
                .param("url", se.url())
                .param("storageId", se.storageId())
                .param("mode", se.mode())
                .param("status", se.status())
                .param("capacity", se.capacityBytes())
                .param("used", se.usedBytes())
                .param("available", se.availableBytes())
                .param("filesystemId", se.filesystemId())
                .param("filesystemTotal", se.filesystemTotalBytes())
                .param("filesystemAvailable", se.filesystemAvailableBytes())
                .param("lastSyncAt", Timestamps.sql(se.lastSyncAt()))
                .param("lastFileSyncAt", Timestamps.sql(se.lastFileSyncAt()))
                .param("createdAt", Timestamps.sql(se.createdAt()))
                .param("updatedAt", Timestamps.sql(se.updatedAt()))
                .param("site", se.site())
                .param("drainRequestedAt", Timestamps.sql(se.drainRequestedAt()))
                .param("lastScrubAt", Timestamps.sql(se.lastScrubAt()))
                .update();
    }

    /** Sets or clears ({@code null}) the site label. */
    public boolean updateSite(UUID id, String site, Instant now) {
        return jdbc.sql("UPDATE storage_elements SET site = :site, updated_at = :now WHERE id = :id")
                .param("id", id)
                .param("site", site)
                .param("now", Timestamps.sql(now))
                .update() == 1;
    }

    /** Starts ({@code drainRequestedAt} set) or cancels ({@code null}) a drain. */
    public boolean updateDrain(UUID id, Instant drainRequestedAt, Instant now) {
        return jdbc.sql("UPDATE storage_elements SET drain_requested_at = :drain, updated_at = :now WHERE id = :id")
                .param("id", id)
                .param("drain", Timestamps.sql(drainRequestedAt))
                .param("now", Timestamps.sql(now))
                .update() == 1;
    }

    /** Stores the finish time of the SE's last complete scrub pass, as its {@code /api/v1/info} reported it. */
    public boolean updateLastScrubAt(UUID id, Instant lastScrubAt) {
        return jdbc.sql("""
                        UPDATE storage_elements SET last_scrub_at = :lastScrubAt
                        WHERE id = :id AND last_scrub_at IS DISTINCT FROM :lastScrubAt
                        """)
                .param("id", id)
                .param("lastScrubAt", Timestamps.sql(lastScrubAt))
                .update() == 1;
    }

    /**
     * Drain progress of an SE: active files with an {@code ok} copy on it, and those of them that do
     * not yet have their wanted number of {@code ok} copies on SEs that are not draining.
     */
    public DrainProgress drainProgress(UUID id, int wantedPermanent, int wantedTemporary) {
        return jdbc.sql("""
                        SELECT count(*) AS total,
                               count(*) FILTER (WHERE (SELECT count(*) FROM file_copies o
                                                       JOIN storage_elements os ON os.id = o.storage_element_id
                                                       WHERE o.file_id = f.file_id AND o.status = :ok
                                                         AND os.drain_requested_at IS NULL)
                                                      < CASE WHEN f.retention_policy = :permanentPolicy
                                                             THEN :wantedPermanent ELSE :wantedTemporary END)
                                   AS remaining
                        FROM file_copies c JOIN files f ON f.file_id = c.file_id
                        WHERE c.storage_element_id = :id AND c.status = :ok AND f.status = :active
                        """)
                .param("id", id)
                .param("ok", CopyStatus.OK.value())
                .param("permanentPolicy", RetentionPolicy.PERMANENT.value())
                .param("active", FileStatus.ACTIVE.value())
                .param("wantedPermanent", wantedPermanent)
                .param("wantedTemporary", wantedTemporary)
                .query((rs, row) -> new DrainProgress(rs.getLong("total"), rs.getLong("remaining")))
                .single();
    }

    /** Drain progress of an SE being drained. */
    public record DrainProgress(long filesTotal, long filesRemaining) {
    }

    public boolean updateNameAndUrl(UUID id, String name, String url, Instant now) {
        return jdbc.sql("UPDATE storage_elements SET name = :name, url = :url, updated_at = :now WHERE id = :id")
                .param("id", id)
                .param("name", name)
                .param("url", url)
                .param("now", Timestamps.sql(now))
                .update() == 1;
    }

    /** Stores what the SE's {@code /api/v1/info} reported. */
    public boolean updateInfo(UUID id, String mode, String status, ReportedCapacity capacity, Instant now) {
        return jdbc.sql("""
                        UPDATE storage_elements
                        SET mode = :mode, status = :status, capacity_bytes = :capacity, used_bytes = :used,
                            available_bytes = :available, filesystem_id = :filesystemId,
                            filesystem_total_bytes = :filesystemTotal,
                            filesystem_available_bytes = :filesystemAvailable, last_sync_at = :now, updated_at = :now
                        WHERE id = :id
                        """)
                .param("id", id)
                .param("mode", mode)
                .param("status", status)
                .param("capacity", capacity.totalBytes())
                .param("used", capacity.usedBytes())
                .param("available", capacity.availableBytes())
                .param("filesystemId", capacity.filesystemId())
                .param("filesystemTotal", capacity.filesystemTotalBytes())
                .param("filesystemAvailable", capacity.filesystemAvailableBytes())
                .param("now", Timestamps.sql(now))
                .update() == 1;
    }

    /** Marks an SE that did not answer as offline (nothing else changes). */
    public boolean markOffline(UUID id, Instant now) {
        return jdbc.sql("""
                        UPDATE storage_elements SET status = :offlineStatus, updated_at = :now
                        WHERE id = :id AND status <> :offlineStatus
                        """)
                .param("offlineStatus", StorageElementStatus.OFFLINE.value())
                .param("id", id)
                .param("now", Timestamps.sql(now))
                .update() == 1;
    }

    public boolean updateMode(UUID id, String mode, Instant now) {
        return jdbc.sql("UPDATE storage_elements SET mode = :mode, updated_at = :now WHERE id = :id")
                .param("id", id)
                .param("mode", mode)
                .param("now", Timestamps.sql(now))
                .update() == 1;
    }

    public boolean delete(UUID id) {
        return jdbc.sql("DELETE FROM storage_elements WHERE id = :id").param("id", id).update() == 1;
    }

    /** True when the registry holds at least one file of this SE. */
    public boolean hasFiles(UUID id) {
        // copies, not files.storage_element_id: an SE may hold only copies made by the replication job
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM file_copies WHERE storage_element_id = :id)")
                .param("id", id).query(Boolean.class).single();
    }

    static StorageElement map(ResultSet rs, int row) throws SQLException {
        return new StorageElement(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                rs.getString("url"),
                rs.getString("storage_id"),
                rs.getString("mode"),
                rs.getString("status"),
                rs.getLong("capacity_bytes"),
                rs.getLong("used_bytes"),
                rs.getLong("available_bytes"),
                rs.getString("filesystem_id"),
                rs.getObject("filesystem_total_bytes", Long.class),
                rs.getObject("filesystem_available_bytes", Long.class),
                Timestamps.read(rs, "last_sync_at"),
                Timestamps.read(rs, "last_file_sync_at"),
                Timestamps.read(rs, "created_at"),
                Timestamps.read(rs, "updated_at"),
                rs.getString("site"),
                Timestamps.read(rs, "drain_requested_at"),
                Timestamps.read(rs, "last_scrub_at"));
    }
}
