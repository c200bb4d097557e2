package io.artstore.admin.files;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.artstore.admin.common.Timestamps;
import io.artstore.kernel.paging.PageQuery;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

/** SQL over the file registry ({@code files}). */
class FileRepository {

    private static final String FILTER = """
            WHERE (CAST(:status AS VARCHAR) IS NULL OR status = :status)
              AND (CAST(:retention AS VARCHAR) IS NULL OR retention_policy = :retention)
              AND (CAST(:se AS UUID) IS NULL OR storage_element_id = :se
                   OR EXISTS (SELECT 1 FROM file_copies c WHERE c.file_id = files.file_id AND c.storage_element_id = :se))
              AND (CAST(:uploadedBy AS VARCHAR) IS NULL OR uploaded_by = :uploadedBy)
            """;

    /**
     * The registry's own columns. Never {@code *}: query-module adds a stored full-text column
     * to this table that admin-module neither reads nor writes.
     */
    private static final String COLUMNS = """
            file_id, original_filename, content_type, size, checksum, storage_element_id, storage_filename,
            uploaded_by, uploaded_at, description, tags, status, retention_policy, ttl_days, expires_at,
            created_at, updated_at
            """;

    private final JdbcClient jdbc;

    FileRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<FileRecord> findById(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM files WHERE file_id = :id").param("id", id)
                .query(FileRepository::map).optional();
    }

    List<FileRecord> list(FileFilter filter, PageQuery page) {
        return filter(jdbc.sql("SELECT " + COLUMNS + " FROM files " + FILTER
                        + " ORDER BY uploaded_at DESC, file_id LIMIT :limit OFFSET :offset"), filter)
                .param("limit", page.limit())
                .param("offset", page.offset())
                .query(FileRepository::map).list();
    }

    long count(FileFilter filter) {
        return filter(jdbc.sql("SELECT count(*) FROM files " + FILTER), filter).query(Long.class).single();
    }

    /** Inserts a new row; false when the file id is already registered. */
    boolean insert(FileRecord file) {
        return jdbc.sql("""
                        INSERT INTO files (file_id, original_filename, content_type, size, checksum, storage_element_id,
                                           storage_filename, uploaded_by, uploaded_at, description, tags, status,
                                           retention_policy, ttl_days, expires_at, created_at, updated_at)
                        VALUES (:id, :name, :contentType, :size, :checksum, :se, :storageFilename, :uploadedBy,
                                :uploadedAt, :description, :tags, :status, :retention, :ttlDays, :expiresAt,
                                :createdAt, :updatedAt)
                        ON CONFLICT (file_id) DO NOTHING
                        """)
                .param("id", file.fileId())
                .param("name", file.originalFilename())
                .param("contentType", file.contentType())
                .param("size", file.size())
                .param("checksum", file.checksum())
                .param("se", file.storageElementId())
                .param("storageFilename", file.storageFilename())
                .param("uploadedBy", file.uploadedBy())
                .param("uploadedAt", Timestamps.sql(file.uploadedAt()))
                .param("description", file.description())
                .param("tags", file.tags().toArray(String[]::new))
                .param("status", file.status())
                .param("retention", file.retentionPolicy())
                .param("ttlDays", file.ttlDays())
                .param("expiresAt", Timestamps.sql(file.expiresAt()))
                .param("createdAt", Timestamps.sql(file.createdAt()))
                .param("updatedAt", Timestamps.sql(file.updatedAt()))
                .update() == 1;
    }

    /**
     * Stores new metadata. {@code metadataChanged}: the change went to the SEs, so it becomes the
     * newest metadata ({@code metadata_updated_at}) that older sidecars are brought up to; a
     * registry-only status correction leaves it alone (the next sync takes the SEs' status again).
     */
    void update(UUID id, String description, List<String> tags, String status, boolean metadataChanged, Instant now) {
        jdbc.sql("""
                        UPDATE files SET description = :description, tags = :tags, status = :status, updated_at = :now,
                                         metadata_updated_at = CASE WHEN :metadataChanged THEN :now
                                                                    ELSE metadata_updated_at END
                        WHERE file_id = :id
                        """)
                .param("id", id)
                .param("description", description)
                .param("tags", tags.toArray(String[]::new))
                .param("status", status)
                .param("metadataChanged", metadataChanged)
                .param("now", Timestamps.sql(now))
                .update();
    }

    /** Records a copy the registry knows to be present and verified (registration). */
    void insertCopy(UUID fileId, UUID storageElementId, String status, Instant now) {
        jdbc.sql("""
                        INSERT INTO file_copies (file_id, storage_element_id, status, verified_at, created_at, updated_at)
                        VALUES (:fileId, :se, :status, :now, :now, :now)
                        ON CONFLICT (file_id, storage_element_id) DO NOTHING
                        """)
                .param("fileId", fileId)
                .param("se", storageElementId)
                .param("status", status)
                .param("now", Timestamps.sql(now))
                .update();
    }

    /** The files with their copies, loaded with one query for all of them (never one per file). */
    List<FileRecord> withCopies(List<FileRecord> page) {
        if (page.isEmpty()) {
            return page;
        }
        Map<UUID, List<FileCopy>> copies = new HashMap<>();
        jdbc.sql("""
                        SELECT file_id, storage_element_id, status, verified_at
                        FROM file_copies WHERE file_id = ANY(:ids)
                        ORDER BY file_id, created_at, storage_element_id
                        """)
                .param("ids", page.stream().map(FileRecord::fileId).toArray(UUID[]::new))
                .query((RowCallbackHandler) rs -> copies
                        .computeIfAbsent(rs.getObject("file_id", UUID.class), id -> new ArrayList<>())
                        .add(new FileCopy(rs.getObject("storage_element_id", UUID.class), rs.getString("status"),
                                Timestamps.read(rs, "verified_at"))));
        return page.stream().map(f -> f.withCopies(copies.getOrDefault(f.fileId(), List.of()))).toList();
    }

    /** SE URLs of the file's copies that are not known to be missing (where metadata changes go). */
    List<CopyLocation> copyLocations(UUID fileId, String missing) {
        return jdbc.sql("""
                        SELECT c.storage_element_id, s.url
                        FROM file_copies c JOIN storage_elements s ON s.id = c.storage_element_id
                        WHERE c.file_id = :id AND c.status <> :missing
                        ORDER BY c.created_at, c.storage_element_id
                        """)
                .param("id", fileId)
                .param("missing", missing)
                .query((rs, row) -> new CopyLocation(rs.getObject("storage_element_id", UUID.class), rs.getString("url")))
                .list();
    }

    record CopyLocation(UUID storageElementId, String url) {
    }

    private static JdbcClient.StatementSpec filter(JdbcClient.StatementSpec spec, FileFilter filter) {
        return spec.param("status", filter.status() == null ? null : filter.status().value())
                .param("retention", filter.retentionPolicy() == null ? null : filter.retentionPolicy().value())
                .param("se", filter.storageElementId())
                .param("uploadedBy", filter.uploadedBy());
    }

    private static FileRecord map(ResultSet rs, int row) throws SQLException {
        Array tags = rs.getArray("tags");
        Object ttl = rs.getObject("ttl_days");
        return new FileRecord(
                rs.getObject("file_id", UUID.class),
                rs.getString("original_filename"),
                rs.getString("content_type"),
                rs.getLong("size"),
                rs.getString("checksum"),
                rs.getObject("storage_element_id", UUID.class),
                rs.getString("storage_filename"),
                rs.getString("uploaded_by"),
                Timestamps.read(rs, "uploaded_at"),
                rs.getString("description"),
                tags == null ? List.of() : List.of((String[]) tags.getArray()),
                rs.getString("status"),
                rs.getString("retention_policy"),
                ttl == null ? null : ((Number) ttl).intValue(),
                Timestamps.read(rs, "expires_at"),
                Timestamps.read(rs, "created_at"),
                Timestamps.read(rs, "updated_at"),
                List.of());
    }
}
