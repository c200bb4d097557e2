package io.artstore.query.download;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The order in which a file's copies are tried: storage elements the registry sees online
 * first, then the one that answered fastest recently.
 *
 * <p>"Fastest recently" is an exponentially weighted moving average (EWMA) per storage element
 * of the time until its download answer (status and headers) arrived, kept in memory only (each
 * query-module replica learns its own view of the network). A failure (unreachable, 5xx, a body
 * that broke before anything was sent) counts as a sample of at least {@link #FAILURE_PENALTY},
 * so a broken SE drops behind the healthy ones at once. An estimate not updated for
 * {@link #FORGET_AFTER} is forgotten: the SE counts as unmeasured again, and unmeasured SEs are
 * tried first, so one that recovered gets its chance back and a new one gets measured. Ties keep
 * the registry's order. One entry per storage element, at most {@link #MAX_TRACKED} (the least
 * recently updated goes), so SEs removed from the registry do not pile up.
 */
public class LatencyRanking {

    /** Weight of the newest sample: about the last five answers make up the estimate. */
    static final double WEIGHT = 0.3;
    static final Duration FAILURE_PENALTY = Duration.ofSeconds(10);
    static final Duration FORGET_AFTER = Duration.ofMinutes(5);
    static final int MAX_TRACKED = 1024;

    private final LongSupplier nanoClock;
    private final Map<UUID, Estimate> estimates = new ConcurrentHashMap<>();

    public LatencyRanking() {
        this(System::nanoTime);
    }

    /** With the clock ({@link System#nanoTime()} semantics) that decides when an estimate is forgotten. */
    LatencyRanking(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    /** The storage element answered after {@code nanos}. */
    public void answered(UUID storageElementId, long nanos) {
        sample(storageElementId, Math.max(0, nanos));
    }

    /** The storage element failed after {@code nanos}. */
    public void failed(UUID storageElementId, long nanos) {
        sample(storageElementId, Math.max(nanos, FAILURE_PENALTY.toNanos()));
    }

    /** The current estimate in nanoseconds; empty when the SE is unmeasured (or its estimate was forgotten). */
    public OptionalLong estimateNanos(UUID storageElementId) {
        Estimate estimate = estimates.get(storageElementId);
        long now = nanoClock.getAsLong();
        return estimate == null || estimate.stale(now)
                ? OptionalLong.empty()
                : OptionalLong.of(Math.round(estimate.nanos()));
    }

    /** The copies in the order to try them: online first, then unmeasured, then by estimate; ties as given. */
    List<CopyLocation> order(List<CopyLocation> copies) {
        // keys read once: estimates change under concurrent downloads, and a sort needs stable keys
        List<Ranked> ranked = new ArrayList<>(copies.size());
        for (CopyLocation copy : copies) {
            ranked.add(new Ranked(copy, estimateNanos(copy.storageElementId()).orElse(-1)));
        }
        // List.sort is stable: equal keys keep the registry's order
        ranked.sort(Comparator.comparing((Ranked r) -> !r.copy().online()).thenComparingLong(Ranked::nanos));
        return ranked.stream().map(Ranked::copy).toList();
    }

    /** How many storage elements have an entry (forgotten ones included until replaced). */
    int tracked() {
        return estimates.size();
    }

    private void sample(UUID storageElementId, long nanos) {
        long now = nanoClock.getAsLong();
        estimates.compute(storageElementId, (id, previous) -> previous == null || previous.stale(now)
                ? new Estimate(nanos, now)
                : new Estimate(previous.nanos() + WEIGHT * (nanos - previous.nanos()), now));
        if (estimates.size() > MAX_TRACKED) {
            estimates.entrySet().stream()
                    .min(Comparator.comparingLong(entry -> entry.getValue().updatedAt() - now))
                    .ifPresent(oldest -> estimates.remove(oldest.getKey(), oldest.getValue()));
        }
    }

    private record Ranked(CopyLocation copy, long nanos) {
    }

    private record Estimate(double nanos, long updatedAt) {

        boolean stale(long now) {
            return now - updatedAt > FORGET_AFTER.toNanos();
        }
    }
}
