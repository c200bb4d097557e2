package io.artstore.admin.sync;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import io.artstore.kernel.client.storage.SeFileMetadata;
import io.artstore.testsupport.db.TestDatabase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link StagingCopy} on a real PostgreSQL: every column of every row equals what a plain
 * parameterised INSERT of the same file stores (the way the sync staged rows before COPY), for
 * names and descriptions with tabs, newlines, backslashes, quotes, {@code \N} and Unicode, tags
 * with commas, braces, quotes and the word NULL, missing fields and sub-microsecond instants.
 */
class StagingCopyIT {

    private static final String COLUMNS = """
            file_id, original_filename, content_type, size, checksum, uploaded_by, uploaded_at, description, tags,
            status, retention_policy, ttl_days, expires_at, copy_status, verified_at, updated_at""";

    @Test
    void copiedRowsEqualInsertedRows() throws SQLException {
        List<SeFileMetadata> files = files();
        try (Connection connection = TestDatabase.create().connect(); Statement statement = connection.createStatement()) {
            statement.execute(StagingCopy.CREATE_TABLE);
            statement.execute("CREATE TEMP TABLE expected (n SERIAL, LIKE sync_page)");
            assertThat(StagingCopy.copy(connection, files)).isEqualTo(files.size());
            insert(connection, files);

            List<String> copied = rows(statement, "SELECT " + COLUMNS + " FROM sync_page");
            List<String> inserted = rows(statement, "SELECT " + COLUMNS + " FROM expected ORDER BY n");
            assertThat(copied).hasSize(files.size()).isEqualTo(inserted);
            try (ResultSet rs = statement.executeQuery("""
                    SELECT count(*) FROM sync_page p JOIN expected e ON e.file_id = p.file_id
                    WHERE (p.original_filename, p.content_type, p.size, p.checksum, p.uploaded_by, p.uploaded_at,
                           p.description, p.tags, p.status, p.retention_policy, p.ttl_days, p.expires_at,
                           p.copy_status, p.verified_at, p.updated_at)
                          IS NOT DISTINCT FROM
                          (e.original_filename, e.content_type, e.size, e.checksum, e.uploaded_by, e.uploaded_at,
                           e.description, e.tags, e.status, e.retention_policy, e.ttl_days, e.expires_at,
                           e.copy_status, e.verified_at, e.updated_at)
                    """)) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(files.size());
            }
            List<String> tags = rows(statement, "SELECT array_to_json(tags) FROM sync_page");
            assertThat(tags).contains("[\"a,b\",\"{c}\",\"say \\\"hi\\\"\",\"back\\\\slash\",\"NULL\",\"\",null,\"日本\"]");
            assertThat(rows(statement, "SELECT original_filename FROM sync_page")).contains("tab\there\nnew\\line\r.txt");
        }
    }

    private static List<SeFileMetadata> files() {
        Instant at = Instant.parse("2025-03-04T05:06:07.123456Z");
        List<SeFileMetadata> files = new ArrayList<>();
        files.add(new SeFileMetadata(UUID.randomUUID(), "tab\there\nnew\\line\r.txt", "text/plain", 10, "c1",
                "alice", at, "desc with \\N and \\t literally", List.of("plain"), "active", "permanent", null, null, "corrupt",
                at.plusSeconds(60), at.plusNanos(1_500)));
        files.add(new SeFileMetadata(UUID.randomUUID(), "Отчёт \"годовой\" 'x' ü 😀.pdf", "application/pdf", 0,
                "c2", "bob", at.plusNanos(500), null, Arrays.asList("a,b", "{c}", "say \"hi\"", "back\\slash", "NULL",
                "", null, "日本"), "expired", "temporary", 30, at.plusNanos(1_499), null, null, null));
        files.add(new SeFileMetadata(UUID.randomUUID(), null, null, -1, null, null, at.plusNanos(999_999_999),
                "", null, "deleted", "temporary", 365, Instant.parse("2026-12-31T23:59:59.9999995Z"), "ok", null, at));
        files.add(new SeFileMetadata(UUID.randomUUID(), "\\", "a\tb", Long.MAX_VALUE, "\n", "\\\\N", at, "\\",
                List.of("\\", "\"", "\t", ","), "active", "permanent", 1, null, null, null, null));
        return files;
    }

    /** The former staging: one parameterised INSERT per file, bound like the sync did. */
    private static void insert(Connection connection, List<SeFileMetadata> files) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO expected (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (SeFileMetadata file : files) {
                ps.setObject(1, file.fileId());
                ps.setString(2, file.originalFilename() == null ? "" : file.originalFilename());
                ps.setString(3, file.contentType() == null ? "application/octet-stream" : file.contentType());
                ps.setLong(4, Math.max(0, file.size()));
                ps.setString(5, file.checksum() == null ? "" : file.checksum());
                ps.setString(6, file.uploadedBy() == null ? "unknown" : file.uploadedBy());
                ps.setObject(7, file.uploadedAt() == null ? null : file.uploadedAt().atOffset(ZoneOffset.UTC));
                ps.setString(8, file.description());
                ps.setArray(9, connection.createArrayOf("text",
                        file.tags() == null ? new String[0] : file.tags().toArray(String[]::new)));
                ps.setString(10, file.status());
                ps.setString(11, file.retentionPolicy());
                ps.setObject(12, file.ttlDays(), Types.INTEGER);
                ps.setObject(13, file.expiresAt() == null ? null : file.expiresAt().atOffset(ZoneOffset.UTC));
                ps.setString(14, file.copyStatus());
                ps.setObject(15, file.verifiedAt() == null ? null : file.verifiedAt().atOffset(ZoneOffset.UTC));
                ps.setObject(16, file.updatedAt() == null ? null : file.updatedAt().atOffset(ZoneOffset.UTC));
                ps.executeUpdate();
            }
        }
    }

    private static List<String> rows(Statement statement, String query) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery(query)) {
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.append(i > 1 ? " | " : "").append(rs.getString(i));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }
}
