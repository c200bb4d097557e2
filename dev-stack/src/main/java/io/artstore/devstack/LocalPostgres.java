package io.artstore.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * An embedded PostgreSQL whose data directory lives under the stack's data dir, so the
 * registry and accounts survive restarts. No install needed (zonky binaries).
 */
public final class LocalPostgres implements AutoCloseable {

    public static final String DATABASE = "artstore";
    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private final EmbeddedPostgres postgres;

    private LocalPostgres(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static LocalPostgres start(Path dataDir, int port) {
        try {
            Files.createDirectories(dataDir);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .start();
            LocalPostgres local = new LocalPostgres(postgres);
            local.ensureDatabase();
            return local;
        } catch (IOException ex) {
            throw new UncheckedIOException("Cannot start the embedded PostgreSQL in " + dataDir, ex);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + DATABASE;
    }

    private void ensureDatabase() {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            var exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'");
            if (!exists.next()) {
                statement.execute("CREATE DATABASE " + DATABASE);
            }
            statement.execute("ALTER USER " + USER + " PASSWORD '" + PASSWORD + "'");
        } catch (SQLException ex) {
            throw new IllegalStateException("Cannot prepare database " + DATABASE, ex);
        }
    }

    /** Drops the stack's database (cutting open connections) and creates it again, empty. */
    public void recreateDatabase() {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + DATABASE);
        } catch (SQLException ex) {
            throw new IllegalStateException("Cannot recreate database " + DATABASE, ex);
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
