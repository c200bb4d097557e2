package io.artstore.admin.users;

import java.time.Duration;
import java.time.Instant;

/**
 * When failed logins lock an account: after {@code maxAttempts} consecutive failures the
 * account is locked for {@code duration}. A lock ends by itself; a streak of failures is
 * forgotten {@code duration} after its last failure (so an ended lock counts from one again),
 * and a successful login resets the count. The same rule applies to user names that do not
 * exist, so that the lockout does not tell which names exist.
 */
public record LockoutPolicy(int maxAttempts, Duration duration) {

    /** Failed-attempt count, lock and time of the last failure of one account or name. */
    public record State(int failedAttempts, Instant lockedUntil, Instant lastFailureAt) {

        public static final State CLEAR = new State(0, null, null);
    }

    public boolean isLocked(State state, Instant now) {
        return state.lockedUntil() != null && now.isBefore(state.lockedUntil());
    }

    /** The state after one more failed login at {@code now}. */
    public State afterFailure(State state, Instant now) {
        int attempts = current(state, now).failedAttempts() + 1;
        Instant lockedUntil = attempts >= maxAttempts ? now.plus(duration) : null;
        return new State(attempts, lockedUntil, now);
    }

    /** The state shown to clients: an ended lock or an expired streak counts as no failures. */
    public State current(State state, Instant now) {
        boolean lockEnded = state.lockedUntil() != null && !now.isBefore(state.lockedUntil());
        boolean streakExpired = state.lastFailureAt() != null && !now.isBefore(expiry(state));
        return lockEnded || streakExpired ? State.CLEAR : state;
    }

    /** From when on {@code state} no longer matters (the lock, if any, ends at the same time). */
    public Instant expiry(State state) {
        return state.lastFailureAt().plus(duration);
    }
}
