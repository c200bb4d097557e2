package io.artstore.query.download;

import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Registry access of the download proxy: where a file lives (read fresh on every download, so a
 * moved or re-registered storage element is picked up at once) and the lazy cleanup, the one
 * write query-module makes to admin-module's table.
 */
public class FileLocator {

    private final JdbcClient jdbc;

    public FileLocator(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<FileLocation> find(UUID fileId) {
        return jdbc.sql("""
                        SELECT f.file_id, f.status, se.url
                        FROM files f
                        JOIN storage_elements se ON se.id = f.storage_element_id
                        WHERE f.file_id = :file_id""")
                .param("file_id", fileId)
                .query((rs, row) -> new FileLocation(rs.getObject("file_id", UUID.class), rs.getString("status"),
                        rs.getString("url")))
                .optional();
    }

    /**
     * Lazy registry cleanup: the storage element no longer has the file, so the registry row
     * becomes {@code deleted}. Returns whether a row changed (false when it already was).
     */
    boolean markDeleted(UUID fileId) {
        return jdbc.sql("""
                        UPDATE files SET status = 'deleted', updated_at = now()
                        WHERE file_id = :file_id AND status <> 'deleted'""")
                .param("file_id", fileId)
                .update() > 0;
    }
}
