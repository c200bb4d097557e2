package io.artstore.storage.config;

import java.time.Duration;

import io.artstore.kernel.error.ApiException;
import io.artstore.storage.gc.GarbageCollector;
import io.artstore.storage.reconcile.ReconcileService;
import io.artstore.storage.scrub.Scrubber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Periodic GC ({@code SE_GC_INTERVAL}) and reconcile ({@code SE_RECONCILE_INTERVAL}); the
 * first run comes one interval after start. The scrub is checked every minute (or every
 * {@code SE_SCRUB_INTERVAL} when shorter) and starts a pass on its own thread when one is due
 * or an interrupted pass waits to be resumed. {@code artstore.storage.scheduling=false}
 * turns all three off (tests drive them directly).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "artstore.storage.scheduling", havingValue = "true", matchIfMissing = true)
public class MaintenanceScheduling implements SchedulingConfigurer {

    /** How often the scrub looks whether a pass is due (the pass itself runs on the scrub's thread). */
    static final Duration SCRUB_CHECK = Duration.ofMinutes(1);

    private static final Logger log = LoggerFactory.getLogger(MaintenanceScheduling.class);

    private final StorageProperties properties;
    private final GarbageCollector gc;
    private final ReconcileService reconcile;
    private final Scrubber scrubber;

    public MaintenanceScheduling(StorageProperties properties, GarbageCollector gc, ReconcileService reconcile,
                                 Scrubber scrubber) {
        this.properties = properties;
        this.gc = gc;
        this.reconcile = reconcile;
        this.scrubber = scrubber;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(new FixedDelayTask(this::runGc, properties.gcInterval(), properties.gcInterval()));
        registrar.addFixedDelayTask(new FixedDelayTask(this::runReconcile, properties.reconcileInterval(),
                properties.reconcileInterval()));
        Duration scrubCheck = properties.scrubInterval().compareTo(SCRUB_CHECK) < 0 ? properties.scrubInterval() : SCRUB_CHECK;
        registrar.addFixedDelayTask(new FixedDelayTask(this::checkScrub, scrubCheck, scrubCheck));
    }

    private void checkScrub() {
        try {
            scrubber.startIfDue();
        } catch (RuntimeException ex) {
            log.error("Scrub check failed", ex);
        }
    }

    private void runGc() {
        try {
            gc.run();
        } catch (RuntimeException ex) {
            log.error("GC run failed", ex);
        }
    }

    private void runReconcile() {
        try {
            reconcile.run();
        } catch (ApiException ex) {
            log.info("Scheduled reconcile skipped: {}", ex.getMessage());
        } catch (RuntimeException ex) {
            log.error("Reconcile run failed", ex);
        }
    }
}
