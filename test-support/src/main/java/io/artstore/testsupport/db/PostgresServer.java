package io.artstore.testsupport.db;

/** A running PostgreSQL server that tests may create databases in. */
public interface PostgresServer {

    /** JDBC URL of the given database on this server. */
    String jdbcUrl(String database);

    String username();

    String password();

    /** Human-readable kind, for logs ("embedded PostgreSQL 17", "Testcontainers"). */
    String description();
}
