package io.artstore.query.metadata;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Reading rows of admin-module's {@code files} table (alias {@code f}) into
 * {@link FileMetadata}: the column list every query-module SELECT uses and its mapping.
 */
public final class FileRows {

    /** The public columns, in the order {@link #metadata(ResultSet)} reads them (by name). */
    public static final String COLUMNS = "f.file_id, f.original_filename, f.content_type, f.size, f.checksum,"
            + " f.uploaded_by, f.uploaded_at, f.description, f.tags, f.status, f.retention_policy, f.ttl_days,"
            + " f.expires_at";

    private FileRows() {
    }

    public static FileMetadata metadata(ResultSet rs) throws SQLException {
        return new FileMetadata(
                rs.getObject("file_id", UUID.class),
                rs.getString("original_filename"),
                rs.getString("content_type"),
                rs.getLong("size"),
                rs.getString("checksum"),
                rs.getString("uploaded_by"),
                instant(rs, "uploaded_at"),
                rs.getString("description"),
                tags(rs.getArray("tags")),
                rs.getString("status"),
                rs.getString("retention_policy"),
                rs.getObject("ttl_days", Integer.class),
                instant(rs, "expires_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static List<String> tags(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        try {
            return List.of((String[]) array.getArray());
        } finally {
            array.free();
        }
    }
}
