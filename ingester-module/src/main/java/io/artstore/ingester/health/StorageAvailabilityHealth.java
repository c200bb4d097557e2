package io.artstore.ingester.health;

import java.util.List;

import io.artstore.kernel.client.admin.AdminClient;
import io.artstore.kernel.client.admin.StorageElementRecord;
import io.artstore.kernel.contract.StorageElementStatus;
import io.artstore.kernel.contract.StorageMode;
import io.artstore.kernel.health.HealthState;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Readiness of the ingester: admin-module answers (with our service token), and there is
 * an online storage element for each retention policy — an edit SE for temporary files and
 * an rw SE for permanent ones. Only one of the two is degraded; none, or admin down, fails.
 */
public class StorageAvailabilityHealth implements HealthIndicator {

    private final AdminClient admin;

    public StorageAvailabilityHealth(AdminClient admin) {
        this.admin = admin;
    }

    @Override
    public Health health() {
        List<StorageElementRecord> online;
        try {
            online = admin.storageElements(null, StorageElementStatus.ONLINE.value());
        } catch (RuntimeException ex) {
            return Health.down().withDetail("message", "admin-module is not reachable: " + ex.getMessage()).build();
        }
        boolean edit = online.stream().anyMatch(se -> StorageMode.EDIT.value().equals(se.mode()) && se.free() > 0);
        boolean rw = online.stream().anyMatch(se -> StorageMode.RW.value().equals(se.mode()) && se.free() > 0);
        if (edit && rw) {
            return Health.up().withDetail("message", online.size() + " storage elements online").build();
        }
        if (edit || rw) {
            return Health.status(HealthState.DEGRADED_STATUS).withDetail("message", "only "
                    + (edit ? "temporary (edit)" : "permanent (rw)") + " uploads possible").build();
        }
        return Health.down().withDetail("message", "no online storage element with free space").build();
    }
}
