package io.artstore.kernel.error;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/**
 * Recognises a failure caused by the database being unreachable (down, restarting, its
 * database dropped, pool exhausted waiting for a connection) rather than by a bug: such a
 * request answers 503 {@code SERVICE_UNAVAILABLE}, so clients retry instead of reporting a
 * server error. Looks at JDBC exceptions in the cause chain only, so services without a
 * database need nothing extra on their class path.
 */
final class DatabaseOutage {

    private DatabaseOutage() {
    }

    static boolean causedBy(Throwable failure) {
        return outageCause(failure) != null;
    }

    static String describe(Throwable failure) {
        SQLException cause = outageCause(failure);
        return cause == null ? "" : cause.getClass().getSimpleName() + " (SQL state " + cause.getSQLState() + "): " + cause.getMessage();
    }

    private static SQLException outageCause(Throwable failure) {
        int depth = 0;
        for (Throwable current = failure; current != null && depth < 20; current = current.getCause(), depth++) {
            if (current instanceof SQLException sql && isOutage(sql)) {
                return sql;
            }
        }
        return null;
    }

    /**
     * Connection exceptions (SQL state class 08), operator intervention such as shutdown or
     * "cannot connect now" (57P), an unknown database (3D000, a wiped server) and the pool's
     * "connection not available" timeouts.
     */
    private static boolean isOutage(SQLException sql) {
        if (sql instanceof SQLTransientConnectionException || sql instanceof SQLNonTransientConnectionException) {
            return true;
        }
        String state = sql.getSQLState();
        return state != null && (state.startsWith("08") || state.startsWith("57P") || state.equals("3D000"));
    }
}
