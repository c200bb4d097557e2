package io.artstore.query.download;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.artstore.kernel.contract.CopyStatus;
import io.artstore.kernel.contract.FileStatus;
import io.artstore.kernel.contract.StorageElementStatus;
import io.artstore.kernel.contract.StorageMode;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Registry access of the download proxy: where a file's copies live (read fresh on every
 * download, so a moved storage element or a new copy is picked up at once) and the writes
 * query-module makes to admin-module's tables: a copy its storage element no longer has, or
 * reports corrupt, and the lazy cleanup of a file no copy of which is left.
 */
public class FileLocator {

    private final JdbcClient jdbc;

    public FileLocator(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The file's status and its downloadable copies: status {@code ok}, on a storage element not
     * in {@code ar} (an archive SE serves metadata only). Registry order: the SE the file was
     * first stored on, then the older copies; the proxy re-orders by latency.
     */
    Optional<FileLocation> find(UUID fileId) {
        List<Row> rows = jdbc.sql("""
                        SELECT f.file_id, f.status,
                               EXISTS (SELECT 1 FROM file_copies alive
                                       WHERE alive.file_id = f.file_id AND alive.status <> :missing) AS any_alive,
                               c.storage_element_id, c.url, c.se_online
                        FROM files f
                        LEFT JOIN LATERAL (
                            SELECT fc.storage_element_id, se.url, se.status = :online_status AS se_online,
                                   fc.storage_element_id = f.storage_element_id AS first_stored, fc.created_at
                            FROM file_copies fc
                            JOIN storage_elements se ON se.id = fc.storage_element_id
                            WHERE fc.file_id = f.file_id AND fc.status = :ok AND se.mode <> :archive
                        ) c ON true
                        WHERE f.file_id = :file_id
                        ORDER BY c.first_stored IS TRUE DESC, c.created_at, c.storage_element_id""")
                .param("file_id", fileId)
                .param("missing", CopyStatus.MISSING.value())
                .param("ok", CopyStatus.OK.value())
                .param("online_status", StorageElementStatus.ONLINE.value())
                .param("archive", StorageMode.AR.value())
                .query((rs, row) -> new Row(rs.getObject("file_id", UUID.class), rs.getString("status"),
                        rs.getBoolean("any_alive"), rs.getObject("storage_element_id", UUID.class), rs.getString("url"),
                        rs.getBoolean("se_online")))
                .list();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        List<CopyLocation> copies = new ArrayList<>(rows.size());
        for (Row row : rows) {
            if (row.storageElementId() != null) {
                copies.add(new CopyLocation(row.storageElementId(), row.url(), row.online()));
            }
        }
        Row first = rows.getFirst();
        return Optional.of(new FileLocation(first.fileId(), first.status(), copies, first.anyAlive()));
    }

    /**
     * Records what a storage element said about its copy ({@code missing} after a 404,
     * {@code corrupt} after {@code COPY_CORRUPT}). Only an {@code ok} copy changes: a copy that
     * admin-module is re-making meanwhile ({@code pending}) is left to it. Returns whether a row changed.
     */
    boolean markCopy(UUID fileId, UUID storageElementId, CopyStatus status) {
        return jdbc.sql("""
                        UPDATE file_copies SET status = :status, updated_at = now()
                        WHERE file_id = :file_id AND storage_element_id = :storage_element_id AND status = :ok""")
                .param("status", status.value())
                .param("file_id", fileId)
                .param("storage_element_id", storageElementId)
                .param("ok", CopyStatus.OK.value())
                .update() > 0;
    }

    /**
     * Lazy registry cleanup: the file becomes {@code deleted} once no copy of it is left that
     * is {@code ok}, {@code pending} or {@code corrupt} (all are {@code missing}, or there are
     * none). One statement, so a copy added meanwhile keeps the file. Returns whether the row
     * changed (false when a copy is left or it already was deleted).
     */
    boolean markDeletedIfNoCopyLeft(UUID fileId) {
        return jdbc.sql("""
                        UPDATE files SET status = :deleted, updated_at = now()
                        WHERE file_id = :file_id AND status <> :deleted
                          AND NOT EXISTS (SELECT 1 FROM file_copies fc
                                          WHERE fc.file_id = :file_id AND fc.status <> :missing)""")
                .param("deleted", FileStatus.DELETED.value())
                .param("file_id", fileId)
                .param("missing", CopyStatus.MISSING.value())
                .update() > 0;
    }

    private record Row(UUID fileId, String status, boolean anyAlive, UUID storageElementId, String url,
                       boolean online) {
    }
}
