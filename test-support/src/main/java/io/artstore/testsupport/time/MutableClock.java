package io.artstore.testsupport.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock for tests that runs with real time but can be moved: {@link #advance} jumps ahead
 * (lock expiry, grace periods, token lifetimes) without sleeping, {@link #reset} goes back to
 * real time. Register it as the application's {@link Clock} bean.
 */
public final class MutableClock extends Clock {

    private final AtomicReference<Duration> offset;
    private final ZoneId zone;

    private MutableClock(AtomicReference<Duration> offset, ZoneId zone) {
        this.offset = offset;
        this.zone = zone;
    }

    public static MutableClock system() {
        return new MutableClock(new AtomicReference<>(Duration.ZERO), ZoneOffset.UTC);
    }

    /** Moves the clock forward (or back, for a negative amount). */
    public void advance(Duration amount) {
        offset.accumulateAndGet(amount, Duration::plus);
    }

    /** Back to real time. */
    public void reset() {
        offset.set(Duration.ZERO);
    }

    public Duration offset() {
        return offset.get();
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId newZone) {
        return new MutableClock(offset, newZone);
    }
}
