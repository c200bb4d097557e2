package io.artstore.query.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import io.artstore.testsupport.db.PostgresServer;
import io.artstore.testsupport.db.TestDatabase;
import io.artstore.testsupport.db.TestPostgres;
import org.flywaydb.core.Flyway;

/**
 * Test databases for query-module on the shared test PostgreSQL server.
 *
 * <p>The database is created with a UTF-8 character classification ({@code C.UTF-8}) where the
 * server supports it, so that case folding and full-text parsing of Russian text behave as on a
 * production database with a UTF-8 locale, whatever locale the test server was initialised
 * with; otherwise it falls back to {@link TestDatabase#create()}.
 *
 * <p>admin-module's migrations are applied from its source tree (query-module must not depend on
 * admin-module's jar), with admin's own default history table, exactly as admin-module would.
 */
public final class QueryTestDatabase {

    /** admin-module's migrations, relative to query-module's directory (Maven's working directory for tests). */
    public static final Path ADMIN_MIGRATIONS = Path.of("..", "admin-module", "src", "main", "resources", "db", "migration");

    private QueryTestDatabase() {
    }

    public static TestDatabase create() {
        PostgresServer server = TestPostgres.server();
        String name = "query_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl("postgres"), server.username(),
                server.password()); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE \"" + name + "\" TEMPLATE template0 ENCODING 'UTF8'"
                    + " LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'");
        } catch (SQLException ex) {
            return TestDatabase.create();
        }
        return new TestDatabase(name, server.jdbcUrl(name), server.username(), server.password());
    }

    /** Runs admin-module's Flyway migrations on the database, as admin-module does at its start. */
    public static void migrateAdminSchema(TestDatabase database) {
        migrateAdminSchema(database, null);
    }

    /** Runs admin-module's migrations up to {@code target} (a version; null: all), as an older admin-module would. */
    public static void migrateAdminSchema(TestDatabase database, String target) {
        if (!Files.isDirectory(ADMIN_MIGRATIONS)) {
            throw new IllegalStateException("admin-module migrations not found at " + ADMIN_MIGRATIONS.toAbsolutePath()
                    + " (tests must run with query-module as working directory)");
        }
        Flyway.configure()
                .dataSource(database.jdbcUrl(), database.username(), database.password())
                .locations("filesystem:" + ADMIN_MIGRATIONS.toAbsolutePath().normalize())
                .target(target == null ? "latest" : target)
                .load()
                .migrate();
    }
}
