package io.artstore.admin.files;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.artstore.testsupport.db.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The upgrade to file copies (V14) on a registry written by the previous schema: a database
 * migrated to V13, rows written in the V13 shape (one SE link per file), then migrated to the
 * latest version. Every file keeps every field and has exactly one ok copy on its SE; removing
 * an SE from the registry then keeps its files (first SE NULL, the copy gone).
 */
class FileCopiesMigrationIT {

    private static final UUID SE_A = UUID.randomUUID();
    private static final UUID SE_B = UUID.randomUUID();

    @Test
    void aV13RegistryUpgradesToOneOkCopyPerFileAndOutlivesItsSe() throws SQLException {
        TestDatabase database = TestDatabase.create();
        try (Connection connection = database.connect()) {
            SingleConnectionDataSource single = new SingleConnectionDataSource(connection, true);
            Flyway.configure().dataSource(single).locations("classpath:db/migration").target("13").load().migrate();
            JdbcClient jdbc = JdbcClient.create(single);
            assertThat(jdbc.sql("SELECT to_regclass('file_copies') IS NULL").query(Boolean.class).single())
                    .as("still the previous schema").isTrue();

            // the V13 shape: storage_element_id NOT NULL, no copies table
            for (UUID se : List.of(SE_A, SE_B)) {
                jdbc.sql("""
                                INSERT INTO storage_elements (id, name, url, storage_id, mode, status, used_bytes)
                                VALUES (:id, 'se', :url, :storageId, 'rw', 'online', 100)
                                """)
                        .param("id", se).param("url", "https://se-" + se).param("storageId", "se-" + se).update();
            }
            List<Object[]> rows = List.of(
                    new Object[] {UUID.randomUUID(), SE_A, "active", "permanent", null},
                    new Object[] {UUID.randomUUID(), SE_A, "deleted", "permanent", null},
                    new Object[] {UUID.randomUUID(), SE_A, "expired", "temporary", 7},
                    new Object[] {UUID.randomUUID(), SE_B, "active", "temporary", 30},
                    new Object[] {UUID.randomUUID(), SE_B, "active", "permanent", null});
            for (Object[] row : rows) {
                jdbc.sql("""
                                INSERT INTO files (file_id, original_filename, content_type, size, checksum,
                                                   storage_element_id, storage_filename, uploaded_by, uploaded_at,
                                                   description, tags, status, retention_policy, ttl_days, expires_at)
                                VALUES (:id, 'Отчёт.pdf', 'application/pdf', 42, :checksum, :se, 'stored-name', 'alice',
                                        '2025-06-01T10:00:00.123456Z', 'desc', ARRAY['a','b'], :status, :retention,
                                        CAST(:ttl AS INTEGER), CAST(:expires AS TIMESTAMPTZ))
                                """)
                        .param("id", row[0]).param("checksum", "cd".repeat(32)).param("se", row[1])
                        .param("status", row[2]).param("retention", row[3]).param("ttl", row[4])
                        .param("expires", row[4] == null ? null : "2025-06-0" + (1 + (Integer) row[4] % 8) + "T10:00:00Z")
                        .update();
            }
            String before = snapshot(jdbc);

            Flyway.configure().dataSource(single).locations("classpath:db/migration").load().migrate();

            assertThat(snapshot(jdbc)).as("every file and field kept").isEqualTo(before);
            for (Object[] row : rows) {
                List<Map<String, Object>> copies = jdbc.sql("""
                                SELECT storage_element_id, status FROM file_copies WHERE file_id = :id
                                """)
                        .param("id", row[0]).query().listOfRows();
                assertThat(copies).as("copies of " + row[0]).hasSize(1);
                assertThat(copies.getFirst()).containsEntry("storage_element_id", row[1]).containsEntry("status", "ok");
            }
            assertThat(jdbc.sql("SELECT count(*) FROM files WHERE metadata_updated_at IS NOT NULL")
                    .query(Long.class).single()).as("not known yet: the first sync's sidecars win").isZero();

            // removing an SE from the registry no longer removes its files
            jdbc.sql("DELETE FROM storage_elements WHERE id = :id").param("id", SE_A).update();
            assertThat(jdbc.sql("SELECT count(*) FROM files").query(Long.class).single()).isEqualTo(rows.size());
            assertThat(jdbc.sql("SELECT count(*) FROM files WHERE storage_element_id IS NULL")
                    .query(Long.class).single()).isEqualTo(3);
            assertThat(jdbc.sql("SELECT count(*) FROM file_copies WHERE storage_element_id = :id").param("id", SE_A)
                    .query(Long.class).single()).isZero();
            assertThat(jdbc.sql("SELECT count(*) FROM file_copies").query(Long.class).single()).isEqualTo(2);
        }
    }

    /** The files as the previous schema had them, every column of V13, in file-id order. */
    private static String snapshot(JdbcClient jdbc) {
        return String.join("\n", jdbc.sql("""
                        SELECT concat_ws('|', file_id, original_filename, content_type, size, checksum,
                                         storage_element_id, storage_filename, uploaded_by, uploaded_at, description,
                                         tags, status, retention_policy, ttl_days, expires_at, created_at, updated_at)
                        FROM files ORDER BY file_id
                        """)
                .query(String.class).list());
    }
}
