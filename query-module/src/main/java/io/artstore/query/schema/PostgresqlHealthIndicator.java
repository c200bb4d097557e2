package io.artstore.query.schema;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The contract's {@code postgresql} readiness check: the shared database answers and the
 * search schema is in place ("waiting for admin-module schema" until admin-module has
 * created its tables).
 */
public class PostgresqlHealthIndicator implements HealthIndicator {

    private final JdbcClient jdbc;
    private final SearchSchema schema;

    public PostgresqlHealthIndicator(JdbcClient jdbc, SearchSchema schema) {
        this.jdbc = jdbc;
        this.schema = schema;
    }

    @Override
    public Health health() {
        try {
            jdbc.sql("SELECT 1").query(Integer.class).single();
        } catch (DataAccessException ex) {
            return Health.down().withDetail("message", "PostgreSQL is unreachable").build();
        }
        SchemaStatus status = schema.status();
        Health.Builder builder = status.ready() ? Health.up() : Health.down();
        return builder.withDetail("message", status.message()).build();
    }
}
