package io.artstore.query.schema;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

import io.artstore.query.support.QueryServiceTest;
import io.artstore.query.support.QueryTestDatabase;
import io.artstore.testsupport.db.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The usual start order (admin-module migrated first): query's migrations live in their own
 * history table, add only an extension, functions, a generated column and indexes to admin's
 * table, and leave admin-module's Flyway and writes working.
 */
@QueryServiceTest(properties = "artstore.test.suite=smoke")
class SearchSchemaIT {

    private final JdbcTemplate jdbc;
    private final TestDatabase database;
    private final SearchSchema schema;

    SearchSchemaIT(JdbcTemplate jdbc, TestDatabase testDatabase, SearchSchema schema) {
        this.jdbc = jdbc;
        this.database = testDatabase;
        this.schema = schema;
    }

    @Test
    void migratedAtStartIntoItsOwnHistoryTable() {
        assertThat(schema.status().ready()).isTrue();
        assertThat(jdbc.queryForList("SELECT version FROM flyway_query_history WHERE success ORDER BY installed_rank",
                String.class)).containsExactly("0", "1", "2", "3", "4", "5", "6");
        assertThat(jdbc.queryForList("SELECT version FROM flyway_schema_history ORDER BY installed_rank",
                String.class)).as("admin-module history untouched by query").contains("10").doesNotContain("0", "2");
    }

    @Test
    void searchIndexesExistAndAreValid() {
        List<String> indexes = jdbc.queryForList("""
                SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
                WHERE i.indrelid = 'files'::regclass AND i.indisvalid AND c.relname LIKE 'query\\_%'""", String.class);
        assertThat(indexes).containsExactlyInAnyOrder("query_files_filename_lower_idx", "query_files_search_idx");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM pg_extension WHERE extname = 'pg_trgm'", Integer.class))
                .isEqualTo(1);
        assertThat(jdbc.queryForList("""
                SELECT provolatile FROM pg_proc
                WHERE proname IN ('query_search_document', 'query_file_extensions')""", String.class))
                .containsExactly("i", "i");
    }

    @Test
    void fullTextSearchUsesTheIndex() {
        assertThat(plan("""
                SELECT file_id FROM files f
                WHERE f.query_document
                      @@ (websearch_to_tsquery('english', 'report') || websearch_to_tsquery('russian', 'report'))"""))
                .contains("query_files_search_idx");
    }

    @Test
    void wordsTagsExtensionAndNameAreOneIndexScan() {
        String plan = plan("""
                SELECT file_id FROM files f
                WHERE f.query_document @@ websearch_to_tsquery('english', 'report')
                  AND f.tags @> ARRAY['finance']
                  AND query_file_extensions(f.original_filename) @> ARRAY['pdf']
                  AND f.original_filename ILIKE '%annual%'""");
        assertThat(plan).containsOnlyOnce("Bitmap Index Scan on query_files_search_idx").doesNotContain("BitmapAnd");
        String condition = plan.lines().filter(line -> line.contains("Index Cond")).findFirst().orElseThrow();
        // the extension function is inlined: its split_part() calls stand in the condition
        assertThat(condition).contains("@@", "tags @>", "split_part", "'{pdf}'", "~~*");
    }

    private String plan(String query) {
        return jdbc.execute((ConnectionCallback<String>) connection -> {
            StringBuilder lines = new StringBuilder();
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET enable_seqscan = off");
                try (ResultSet rows = statement.executeQuery("EXPLAIN " + query)) {
                    while (rows.next()) {
                        lines.append(rows.getString(1)).append('\n');
                    }
                }
                statement.execute("RESET enable_seqscan");
            }
            return lines.toString();
        });
    }

    @Test
    void theStoredDocumentFollowsAdminModuleWrites() {
        UUID se = UUID.randomUUID();
        UUID file = UUID.randomUUID();
        jdbc.update("INSERT INTO storage_elements (id, name, url, storage_id, mode, status) VALUES (?, 'doc', ?, ?, 'edit', 'online')",
                se, "https://doc-" + se + ".invalid", "doc-" + se);
        jdbc.update("""
                INSERT INTO files (file_id, original_filename, content_type, size, checksum, storage_element_id,
                                   uploaded_by, uploaded_at, tags, status, retention_policy)
                VALUES (?, 'annual_report_2024.pdf', 'application/pdf', 1, 'c', ?, 'u', now(), '{финансы}', 'active', 'permanent')""",
                file, se);
        String match = "SELECT query_document @@ websearch_to_tsquery('russian', ?) FROM files WHERE file_id = ?";
        assertThat(jdbc.queryForObject(match, Boolean.class, "отчёты", file)).isFalse();
        assertThat(jdbc.queryForObject(match, Boolean.class, "финансов", file)).isTrue();

        jdbc.update("UPDATE files SET description = 'Годовые отчёты', tags = '{}' WHERE file_id = ?", file);
        assertThat(jdbc.queryForObject(match, Boolean.class, "отчёты", file)).isTrue();
        assertThat(jdbc.queryForObject(match, Boolean.class, "финансов", file)).isFalse();
        jdbc.update("DELETE FROM storage_elements WHERE id = ?", se);
    }

    @Test
    void adminModuleMigrationsStillValidateAndApplyAfterQuerysOwn() {
        Flyway admin = Flyway.configure()
                .dataSource(database.jdbcUrl(), database.username(), database.password())
                .locations("filesystem:" + QueryTestDatabase.ADMIN_MIGRATIONS.toAbsolutePath().normalize())
                .load();
        admin.validate();
        assertThat(admin.migrate().migrationsExecuted).isZero();
    }
}
