package io.artstore.storage.config;

import io.artstore.kernel.error.ApiException;
import io.artstore.storage.gc.GarbageCollector;
import io.artstore.storage.reconcile.ReconcileService;
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
 * first run comes one interval after start. {@code artstore.storage.scheduling=false}
 * turns both off (tests drive them directly).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "artstore.storage.scheduling", havingValue = "true", matchIfMissing = true)
public class MaintenanceScheduling implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(MaintenanceScheduling.class);

    private final StorageProperties properties;
    private final GarbageCollector gc;
    private final ReconcileService reconcile;

    public MaintenanceScheduling(StorageProperties properties, GarbageCollector gc, ReconcileService reconcile) {
        this.properties = properties;
        this.gc = gc;
        this.reconcile = reconcile;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(new FixedDelayTask(this::runGc, properties.gcInterval(), properties.gcInterval()));
        registrar.addFixedDelayTask(new FixedDelayTask(this::runReconcile, properties.reconcileInterval(),
                properties.reconcileInterval()));
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
