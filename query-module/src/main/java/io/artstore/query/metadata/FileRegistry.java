package io.artstore.query.metadata;

import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Read access to admin-module's file registry. */
public class FileRegistry {

    private final JdbcClient jdbc;

    public FileRegistry(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<FileMetadata> find(UUID fileId) {
        return jdbc.sql("SELECT " + FileRows.COLUMNS + " FROM files f WHERE f.file_id = :file_id")
                .param("file_id", fileId)
                .query((rs, row) -> FileRows.metadata(rs))
                .optional();
    }
}
