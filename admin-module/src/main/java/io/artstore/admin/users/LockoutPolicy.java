package io.artstore.admin.users;

import java.time.Duration;
import java.time.Instant;

/**
 * When failed logins lock an account: after {@code maxAttempts} consecutive failures the
 * account is locked for {@code duration}. A lock ends by itself; the next failure after an
 * ended lock starts counting from one again, and a successful login resets the count.
 */
public record LockoutPolicy(int maxAttempts, Duration duration) {

    /** Failed-attempt count and lock of one account. */
    public record State(int failedAttempts, Instant lockedUntil) {

        public static final State CLEAR = new State(0, null);
    }

    public boolean isLocked(State state, Instant now) {
        return state.lockedUntil() != null && now.isBefore(state.lockedUntil());
    }

    /** The state after one more failed login at {@code now}. */
    public State afterFailure(State state, Instant now) {
        boolean lockEnded = state.lockedUntil() != null && !now.isBefore(state.lockedUntil());
        int attempts = (lockEnded ? 0 : state.failedAttempts()) + 1;
        Instant lockedUntil = attempts >= maxAttempts ? now.plus(duration) : null;
        return new State(attempts, lockedUntil);
    }

    /** The state shown to clients: an ended lock counts as no lock and no failures. */
    public State current(State state, Instant now) {
        boolean lockEnded = state.lockedUntil() != null && !now.isBefore(state.lockedUntil());
        return lockEnded ? State.CLEAR : state;
    }
}
