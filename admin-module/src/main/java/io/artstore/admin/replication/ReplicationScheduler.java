package io.artstore.admin.replication;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.artstore.admin.files.FileRegistered;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Runs a replication pass every {@code AM_REPLICATION_INTERVAL} (registered by
 * {@link ReplicationScheduling}), and one shortly after a new file is registered, so that a
 * fresh upload gets its further copies in seconds instead of waiting for the next period.
 */
public class ReplicationScheduler {

    private static final Logger log = LoggerFactory.getLogger(ReplicationScheduler.class);

    /** A burst of uploads becomes one pass: the cue waits this long, and cues meanwhile join it. */
    static final Duration CUE_DELAY = Duration.ofSeconds(1);

    private final ReplicationJob job;
    private final ScheduledExecutorService cues = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("replication-cue").daemon(true).factory());
    private final AtomicBoolean cueQueued = new AtomicBoolean();

    public ReplicationScheduler(ReplicationJob job) {
        this.job = job;
    }

    @Scheduled(fixedDelayString = "${artstore.admin.replication.interval:1m}",
            initialDelayString = "${artstore.admin.replication.interval:1m}")
    public void run() {
        try {
            job.runPass();
        } catch (RuntimeException ex) {
            // The next pass tries again; claims of this one expire or were released.
            log.error("Replication pass failed", ex);
        }
    }

    /** After the registration's transaction committed (the pass must see the new row). */
    @TransactionalEventListener(fallbackExecution = true)
    public void fileRegistered(FileRegistered event) {
        if (cueQueued.compareAndSet(false, true)) {
            cues.schedule(() -> {
                cueQueued.set(false);
                run();
            }, CUE_DELAY.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    public void shutdown() {
        cues.shutdownNow();
    }
}
