package io.artstore.query.schema;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import javax.sql.DataSource;

import io.artstore.kernel.error.ApiException;
import io.artstore.kernel.error.ErrorCode;
import io.artstore.query.schema.SchemaStatus.State;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Runs query-module's own Flyway migrations once admin-module's schema exists, whichever of
 * the two services starts first.
 *
 * <p>Spring Boot hands the configured {@link Flyway} to this {@link FlywayMigrationStrategy}
 * during start-up. When admin-module's tables are already there, the migration runs right
 * away, before the service takes traffic. Otherwise the service starts anyway, its readiness
 * check reports "waiting for admin-module schema", and a background thread checks again every
 * {@code retry-interval} until the tables appear, then migrates. Until then search, metadata
 * and download answer 503 {@code SERVICE_UNAVAILABLE}.
 */
public class SearchSchema implements FlywayMigrationStrategy, SmartLifecycle {

    static final String WAITING_MESSAGE =
            "waiting for admin-module schema (tables files, storage_elements and file_copies not found)";

    private static final Logger log = LoggerFactory.getLogger(SearchSchema.class);

    private final JdbcClient jdbc;
    private final SchemaProperties properties;
    private final AtomicReference<SchemaStatus> status =
            new AtomicReference<>(new SchemaStatus(State.WAITING_FOR_ADMIN, WAITING_MESSAGE));
    private final AtomicReference<Flyway> flyway = new AtomicReference<>();
    private final AtomicReference<Thread> worker = new AtomicReference<>();

    /**
     * Takes the plain {@link DataSource}: Spring Boot's {@code JdbcClient} bean itself waits for
     * database initialisation (this class), so it cannot be used here.
     */
    public SearchSchema(DataSource dataSource, SchemaProperties properties) {
        this.jdbc = JdbcClient.create(dataSource);
        this.properties = properties;
    }

    /** Called by Spring Boot's Flyway initializer: migrate now if admin-module's schema is there. */
    @Override
    public void migrate(Flyway configured) {
        flyway.set(configured);
        attempt();
        if (!status().ready()) {
            log.warn("query-module starts without its search schema: {}; checking again every {}",
                    status().message(), properties.retryInterval());
        }
    }

    public SchemaStatus status() {
        return status.get();
    }

    /** Throws 503 {@code SERVICE_UNAVAILABLE} until the search schema is in place. */
    public void requireReady() {
        SchemaStatus current = status();
        if (!current.ready()) {
            throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "query-module is not ready: " + current.clientMessage());
        }
    }

    /**
     * Runs a database read (or the lazy cleanup) once the schema is ready: 503
     * {@code SERVICE_UNAVAILABLE} before that, and also when the database cannot be reached.
     */
    public <T> T whenReady(Supplier<T> access) {
        requireReady();
        try {
            return access.get();
        } catch (DataAccessResourceFailureException ex) {
            throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "Database unavailable", ex);
        }
    }

    /** One check-and-migrate step; never throws. */
    boolean attempt() {
        if (status().ready()) {
            return true;
        }
        Flyway configured = flyway.get();
        if (configured == null) {
            return false;
        }
        try {
            if (!adminSchemaPresent()) {
                update(new SchemaStatus(State.WAITING_FOR_ADMIN, WAITING_MESSAGE));
                return false;
            }
        } catch (DataAccessException ex) {
            update(new SchemaStatus(State.DATABASE_UNREACHABLE, "waiting for PostgreSQL (database unreachable)"));
            log.debug("Database check failed", ex);
            return false;
        }
        update(new SchemaStatus(State.MIGRATING, "migrating search schema"));
        try {
            var result = configured.migrate();
            update(new SchemaStatus(State.READY, "search schema ready (version "
                    + configured.info().current().getVersion() + ")"));
            log.info("Search schema ready: {} migration(s) applied", result.migrationsExecuted);
            return true;
        } catch (RuntimeException ex) {
            update(new SchemaStatus(State.FAILED, "search schema migration failed; retrying (see logs)"));
            log.error("Search schema migration failed; retrying in {}", properties.retryInterval(), ex);
            return false;
        }
    }

    /** Every admin-module table query-module reads; file_copies came with admin-module's V14 (downloads read it). */
    private boolean adminSchemaPresent() {
        Boolean present = jdbc.sql("""
                        SELECT to_regclass('files') IS NOT NULL AND to_regclass('storage_elements') IS NOT NULL
                           AND to_regclass('file_copies') IS NOT NULL""")
                .query(Boolean.class).single();
        return Boolean.TRUE.equals(present);
    }

    private void update(SchemaStatus next) {
        SchemaStatus previous = status.getAndSet(next);
        if (!next.equals(previous) && next.state() != State.READY) {
            log.info("Search schema: {}", next.message());
        }
    }

    private void waitForAdminSchema() {
        while (!Thread.currentThread().isInterrupted() && !attempt()) {
            try {
                Thread.sleep(properties.retryInterval());
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void start() {
        if (!status().ready() && worker.get() == null) {
            Thread thread = Thread.ofPlatform().daemon().name("query-schema-wait").unstarted(this::waitForAdminSchema);
            if (worker.compareAndSet(null, thread)) {
                thread.start();
            }
        }
    }

    @Override
    public void stop() {
        Thread thread = worker.getAndSet(null);
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        Thread thread = worker.get();
        return thread != null && thread.isAlive();
    }
}
