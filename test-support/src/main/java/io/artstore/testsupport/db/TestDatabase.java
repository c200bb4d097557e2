package io.artstore.testsupport.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One fresh database on the per-JVM test PostgreSQL server. Each call of {@link #create()}
 * makes a new, empty database, so test classes never see each other's rows.
 */
public record TestDatabase(String name, String jdbcUrl, String username, String password) {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    public static TestDatabase create() {
        return create("artstore_test_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet());
    }

    public static TestDatabase create(String name) {
        PostgresServer server = TestPostgres.server();
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl("postgres"), server.username(),
                server.password()); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE \"" + name + "\"");
        } catch (SQLException ex) {
            throw new IllegalStateException("Cannot create test database " + name, ex);
        }
        return new TestDatabase(name, server.jdbcUrl(name), server.username(), server.password());
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, username, password);
    }

    /** Host of the server, for services configured by host/port/name variables. */
    public String host() {
        return java.net.URI.create(jdbcUrl.substring("jdbc:".length())).getHost();
    }

    public int port() {
        return java.net.URI.create(jdbcUrl.substring("jdbc:".length())).getPort();
    }
}
