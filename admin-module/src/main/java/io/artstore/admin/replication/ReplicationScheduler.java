package io.artstore.admin.replication;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/** Runs a replication pass every {@code AM_REPLICATION_INTERVAL} (registered by {@link ReplicationScheduling}). */
public class ReplicationScheduler {

    private static final Logger log = LoggerFactory.getLogger(ReplicationScheduler.class);

    private final ReplicationJob job;

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
}
