package io.artstore.query.schema;

/**
 * Where the search schema stands: query-module answers search, metadata and download
 * requests only once it is {@link State#READY}.
 *
 * @param state   the current state
 * @param message what an operator reads in the readiness check
 */
public record SchemaStatus(State state, String message) {

    /** The life cycle of the search schema. */
    public enum State {
        /** admin-module's tables are not there yet. */
        WAITING_FOR_ADMIN,
        /** the database cannot be reached to check. */
        DATABASE_UNREACHABLE,
        /** query-module's own migrations are running. */
        MIGRATING,
        /** search structures are in place. */
        READY,
        /** the last migration attempt failed; it is retried. */
        FAILED
    }

    public boolean ready() {
        return state == State.READY;
    }

    /** A short explanation safe to show API clients (no table names, no database details). */
    public String clientMessage() {
        return switch (state) {
            case WAITING_FOR_ADMIN -> "waiting for admin-module schema";
            case DATABASE_UNREACHABLE -> "database unavailable";
            case MIGRATING -> "search schema migration in progress";
            case FAILED -> "search schema migration failed";
            case READY -> "ready";
        };
    }
}
