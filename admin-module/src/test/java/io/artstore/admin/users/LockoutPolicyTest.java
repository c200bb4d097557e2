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
        LockoutPolicy.State locked = new LockoutPolicy.State(5, T0.plus(Duration.ofMinutes(15)));
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
        LockoutPolicy.State counting = new LockoutPolicy.State(3, null);
        assertThat(policy.current(counting, T0)).isEqualTo(counting);
        LockoutPolicy.State locked = new LockoutPolicy.State(5, T0.plusSeconds(60));
        assertThat(policy.current(locked, T0)).isEqualTo(locked);
    }

    @Test
    void honoursConfiguredLimits() {
        LockoutPolicy strict = new LockoutPolicy(1, Duration.ofHours(1));
        LockoutPolicy.State state = strict.afterFailure(LockoutPolicy.State.CLEAR, T0);
        assertThat(strict.isLocked(state, T0.plus(Duration.ofMinutes(59)))).isTrue();
        assertThat(strict.isLocked(state, T0.plus(Duration.ofMinutes(60)))).isFalse();
    }
}
