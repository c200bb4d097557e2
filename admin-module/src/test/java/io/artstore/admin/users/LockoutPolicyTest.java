package io.artstore.admin.users;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LockoutPolicyTest {

    private static final Instant T0 = Instant.parse("2026-02-21T16:00:00Z");
    private final LockoutPolicy policy = new LockoutPolicy(5, Duration.ofMinutes(15));

    @Test
    void locksOnTheFifthConsecutiveFailure() {
        LockoutPolicy.State state = LockoutPolicy.State.CLEAR;
        for (int i = 1; i <= 4; i++) {
            state = policy.afterFailure(state, T0);
            assertThat(state.failedAttempts()).isEqualTo(i);
            assertThat(policy.isLocked(state, T0)).isFalse();
        }
        state = policy.afterFailure(state, T0);
        assertThat(state.failedAttempts()).isEqualTo(5);
        assertThat(state.lockedUntil()).isEqualTo(T0.plus(Duration.ofMinutes(15)));
        assertThat(policy.isLocked(state, T0)).isTrue();
    }

    @Test
    void lockEndsByItselfAndCountingStartsAgain() {
        LockoutPolicy.State locked = new LockoutPolicy.State(5, T0.plus(Duration.ofMinutes(15)), T0);
        assertThat(policy.isLocked(locked, T0.plus(Duration.ofMinutes(15)).minusNanos(1))).isTrue();
        Instant after = T0.plus(Duration.ofMinutes(15));
        assertThat(policy.isLocked(locked, after)).isFalse();
        assertThat(policy.current(locked, after)).isEqualTo(LockoutPolicy.State.CLEAR);

        LockoutPolicy.State next = policy.afterFailure(locked, after);
        assertThat(next.failedAttempts()).isEqualTo(1);
        assertThat(next.lockedUntil()).isNull();
    }

    @Test
    void currentStateKeepsARunningLockAndCount() {
        LockoutPolicy.State counting = new LockoutPolicy.State(3, null, T0);
        assertThat(policy.current(counting, T0)).isEqualTo(counting);
        LockoutPolicy.State locked = new LockoutPolicy.State(5, T0.plusSeconds(60), T0.minus(Duration.ofMinutes(14)));
        assertThat(policy.current(locked, T0)).isEqualTo(locked);
    }

    @Test
    void aStreakOfFailuresIsForgottenOneLockDurationAfterItsLastFailure() {
        LockoutPolicy.State state = LockoutPolicy.State.CLEAR;
        for (int i = 0; i < 4; i++) {
            state = policy.afterFailure(state, T0.plus(Duration.ofMinutes(i)));
        }
        Instant lastFailure = T0.plus(Duration.ofMinutes(3));
        assertThat(state.lastFailureAt()).isEqualTo(lastFailure);
        assertThat(policy.expiry(state)).isEqualTo(lastFailure.plus(Duration.ofMinutes(15)));
        assertThat(policy.current(state, lastFailure.plus(Duration.ofMinutes(15)).minusNanos(1))).isEqualTo(state);
        assertThat(policy.current(state, lastFailure.plus(Duration.ofMinutes(15)))).isEqualTo(LockoutPolicy.State.CLEAR);

        LockoutPolicy.State fifthInTime = policy.afterFailure(state, lastFailure.plus(Duration.ofMinutes(14)));
        assertThat(policy.isLocked(fifthInTime, lastFailure.plus(Duration.ofMinutes(14)))).isTrue();
        LockoutPolicy.State fifthTooLate = policy.afterFailure(state, lastFailure.plus(Duration.ofMinutes(15)));
        assertThat(fifthTooLate.failedAttempts()).isEqualTo(1);
        assertThat(fifthTooLate.lockedUntil()).isNull();
    }

    @Test
    void honoursConfiguredLimits() {
        LockoutPolicy strict = new LockoutPolicy(1, Duration.ofHours(1));
        LockoutPolicy.State state = strict.afterFailure(LockoutPolicy.State.CLEAR, T0);
        assertThat(strict.isLocked(state, T0.plus(Duration.ofMinutes(59)))).isTrue();
        assertThat(strict.isLocked(state, T0.plus(Duration.ofMinutes(60)))).isFalse();
    }
}
