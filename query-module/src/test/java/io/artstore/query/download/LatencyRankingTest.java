package io.artstore.query.download;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Copy order and the per-SE latency estimate, on a controllable clock. */
class LatencyRankingTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final LatencyRanking ranking = new LatencyRanking(nanos::get);

    private static CopyLocation online() {
        return new CopyLocation(UUID.randomUUID(), "https://se.example", true);
    }

    private static CopyLocation offline() {
        return new CopyLocation(UUID.randomUUID(), "https://se.example", false);
    }

    private static long ms(long millis) {
        return Duration.ofMillis(millis).toNanos();
    }

    private void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }

    @Test
    void unmeasuredCopiesKeepTheRegistryOrder() {
        List<CopyLocation> copies = List.of(online(), online(), online());
        assertThat(ranking.order(copies)).containsExactlyElementsOf(copies);
    }

    @Test
    void fasterStorageElementsComeFirst() {
        CopyLocation slow = online();
        CopyLocation fast = online();
        CopyLocation middle = online();
        ranking.answered(slow.storageElementId(), ms(300));
        ranking.answered(fast.storageElementId(), ms(5));
        ranking.answered(middle.storageElementId(), ms(40));
        assertThat(ranking.order(List.of(slow, fast, middle))).containsExactly(fast, middle, slow);
    }

    @Test
    void unmeasuredStorageElementsAreTriedBeforeMeasuredOnesSoTheyGetMeasured() {
        CopyLocation measured = online();
        CopyLocation fresh = online();
        ranking.answered(measured.storageElementId(), ms(1));
        assertThat(ranking.order(List.of(measured, fresh))).containsExactly(fresh, measured);
    }

    @Test
    void onlineStorageElementsComeFirstWhateverTheirLatency() {
        CopyLocation down = offline();
        CopyLocation slow = online();
        ranking.answered(down.storageElementId(), ms(1));
        ranking.answered(slow.storageElementId(), ms(900));
        assertThat(ranking.order(List.of(down, slow))).containsExactly(slow, down);
    }

    @Test
    void theEstimateIsAnExponentiallyWeightedMovingAverage() {
        UUID se = UUID.randomUUID();
        assertThat(ranking.estimateNanos(se)).isEmpty();
        ranking.answered(se, ms(100));
        assertThat(ranking.estimateNanos(se)).hasValue(ms(100));
        ranking.answered(se, ms(10));
        // 100 + 0.3 * (10 - 100)
        assertThat(ranking.estimateNanos(se)).hasValue(ms(73));
        ranking.answered(se, ms(10));
        assertThat(ranking.estimateNanos(se)).hasValue(Math.round(ms(73) + LatencyRanking.WEIGHT * (ms(10) - ms(73))));
    }

    @Test
    void oneSlowAnswerDoesNotOutweighAHistoryOfFastOnes() {
        CopyLocation steady = online();
        CopyLocation hiccup = online();
        for (int i = 0; i < 10; i++) {
            ranking.answered(steady.storageElementId(), ms(20));
            ranking.answered(hiccup.storageElementId(), ms(5));
        }
        ranking.answered(hiccup.storageElementId(), ms(40));
        assertThat(ranking.order(List.of(steady, hiccup))).containsExactly(hiccup, steady);
    }

    @Test
    void aFailureCountsAtLeastThePenaltyAndPutsTheStorageElementBehindHealthyOnes() {
        CopyLocation broken = online();
        CopyLocation healthy = online();
        ranking.answered(broken.storageElementId(), ms(1));
        ranking.answered(healthy.storageElementId(), ms(200));
        ranking.failed(broken.storageElementId(), ms(2));
        assertThat(ranking.estimateNanos(broken.storageElementId()).orElseThrow())
                .isGreaterThanOrEqualTo(Math.round(LatencyRanking.WEIGHT * LatencyRanking.FAILURE_PENALTY.toNanos()));
        assertThat(ranking.order(List.of(broken, healthy))).containsExactly(healthy, broken);

        UUID timedOut = UUID.randomUUID();
        ranking.failed(timedOut, Duration.ofSeconds(30).toNanos());
        assertThat(ranking.estimateNanos(timedOut)).hasValue(Duration.ofSeconds(30).toNanos());
    }

    @Test
    void anEstimateNotUpdatedForAWhileIsForgottenSoARecoveredStorageElementGetsItsChanceBack() {
        CopyLocation recovered = online();
        CopyLocation healthy = online();
        ranking.failed(recovered.storageElementId(), 0);
        advance(LatencyRanking.FORGET_AFTER.minusSeconds(1));
        ranking.answered(healthy.storageElementId(), ms(50));
        assertThat(ranking.order(List.of(recovered, healthy))).containsExactly(healthy, recovered);

        advance(Duration.ofSeconds(2));
        assertThat(ranking.estimateNanos(recovered.storageElementId())).isEmpty();
        assertThat(ranking.order(List.of(healthy, recovered))).containsExactly(recovered, healthy);

        ranking.answered(recovered.storageElementId(), ms(8));
        assertThat(ranking.estimateNanos(recovered.storageElementId())).as("a fresh start, not blended with the penalty")
                .hasValue(ms(8));
        assertThat(ranking.order(List.of(healthy, recovered))).containsExactly(recovered, healthy);
    }

    @Test
    void atMostOneEntryPerStorageElementAndABoundOnHowMany() {
        UUID se = UUID.randomUUID();
        for (int i = 0; i < 100; i++) {
            ranking.answered(se, ms(i));
        }
        assertThat(ranking.tracked()).isEqualTo(1);

        List<UUID> seen = new ArrayList<>();
        for (int i = 0; i < LatencyRanking.MAX_TRACKED + 10; i++) {
            UUID id = UUID.randomUUID();
            seen.add(id);
            advance(Duration.ofMillis(1));
            ranking.answered(id, ms(10));
        }
        assertThat(ranking.tracked()).isEqualTo(LatencyRanking.MAX_TRACKED);
        assertThat(ranking.estimateNanos(se)).as("the least recently updated went first").isEmpty();
        assertThat(ranking.estimateNanos(seen.getLast())).hasValue(ms(10));
    }
}
