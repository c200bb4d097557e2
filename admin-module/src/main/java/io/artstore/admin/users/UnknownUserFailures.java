package io.artstore.admin.users;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import io.artstore.admin.common.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Failed-login counters of user names that do not exist ({@code unknown_user_login_failures}),
 * so that an unknown name is locked after as many failures as a real account and the lockout
 * tells nothing about which names exist. Rows are keyed by the SHA-256 of the name and are
 * deleted once expired, which bounds the table by the number of distinct names failing within
 * one lock duration (itself bounded by the BCrypt work every attempt costs).
 */
class UnknownUserFailures {

    /** How often a replica deletes expired rows (more often only adds work). */
    static final Duration PURGE_INTERVAL = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final AtomicReference<Instant> lastPurge = new AtomicReference<>(Instant.MIN);

    UnknownUserFailures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The stored state of {@code username}, {@link LockoutPolicy.State#CLEAR} if none. */
    LockoutPolicy.State find(String username) {
        return jdbc.sql("SELECT * FROM unknown_user_login_failures WHERE username_hash = :hash")
                .param("hash", Sha256.hex(username))
                .query(UnknownUserFailures::map).optional().orElse(LockoutPolicy.State.CLEAR);
    }

    /**
     * Counts one more failure of {@code username} under a row lock (replicas and parallel
     * requests count each failure once); call inside a transaction.
     */
    LockoutPolicy.State recordFailure(String username, LockoutPolicy policy, Instant now) {
        String hash = Sha256.hex(username);
        jdbc.sql("""
                        INSERT INTO unknown_user_login_failures (username_hash, failed_attempts, last_failed_at)
                        VALUES (:hash, 0, :now) ON CONFLICT (username_hash) DO NOTHING
                        """)
                .param("hash", hash)
                .param("now", Timestamps.sql(now))
                .update();
        LockoutPolicy.State stored = jdbc.sql("SELECT * FROM unknown_user_login_failures WHERE username_hash = :hash FOR UPDATE")
                .param("hash", hash)
                .query(UnknownUserFailures::map).single();
        LockoutPolicy.State next = policy.afterFailure(stored, now);
        jdbc.sql("""
                        UPDATE unknown_user_login_failures
                        SET failed_attempts = :attempts, locked_until = :lockedUntil, last_failed_at = :lastFailure
                        WHERE username_hash = :hash
                        """)
                .param("hash", hash)
                .param("attempts", next.failedAttempts())
                .param("lockedUntil", Timestamps.sql(next.lockedUntil()))
                .param("lastFailure", Timestamps.sql(next.lastFailureAt()))
                .update();
        return next;
    }

    /**
     * Deletes the rows whose streak has expired (they count as no failures anyway), at most once
     * per {@link #PURGE_INTERVAL} on this replica. Returns the number of rows deleted.
     */
    int purgeExpired(LockoutPolicy policy, Instant now) {
        Instant last = lastPurge.get();
        if (now.isBefore(last.plus(PURGE_INTERVAL)) && !now.isBefore(last) || !lastPurge.compareAndSet(last, now)) {
            return 0;
        }
        return jdbc.sql("DELETE FROM unknown_user_login_failures WHERE last_failed_at <= :cutoff")
                .param("cutoff", Timestamps.sql(now.minus(policy.duration())))
                .update();
    }

    private static LockoutPolicy.State map(ResultSet rs, int row) throws SQLException {
        return new LockoutPolicy.State(rs.getInt("failed_attempts"), Timestamps.read(rs, "locked_until"),
                Timestamps.read(rs, "last_failed_at"));
    }
}
