package io.artstore.ingester.placement;

import java.util.List;
import java.util.random.RandomGenerator;

import io.artstore.kernel.client.admin.AdminClient;
import io.artstore.kernel.client.admin.StorageElementRecord;
import io.artstore.kernel.contract.StorageElementStatus;
import io.artstore.kernel.contract.StorageMode;
import io.artstore.kernel.error.ApiException;
import io.artstore.kernel.error.ErrorCode;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Chooses the storage element for an upload: an online SE in the mode the retention policy
 * needs, with room for the file, picked at random weighted by free space so load spreads
 * and fuller SEs get fewer new files.
 */
public class StoragePlacement {

    private final AdminClient admin;
    private final RandomGenerator random;
    private final MeterRegistry meters;

    public StoragePlacement(AdminClient admin, RandomGenerator random, MeterRegistry meters) {
        this.admin = admin;
        this.random = random;
        this.meters = meters;
    }

    /**
     * @param mode       the mode of the retention policy ({@code edit} or {@code rw})
     * @param bytesNeeded size of the file if known (else 0: any SE with free space)
     */
    public StorageElementRecord choose(StorageMode mode, long bytesNeeded) {
        List<StorageElementRecord> online = admin.storageElements(mode.value(), StorageElementStatus.ONLINE.value());
        if (online.isEmpty()) {
            throw new ApiException(ErrorCode.NO_STORAGE_AVAILABLE, "No online storage element in mode '" + mode.value() + "'");
        }
        List<StorageElementRecord> fitting = online.stream()
                .filter(se -> se.free() > 0 && se.free() >= bytesNeeded)
                .toList();
        if (fitting.isEmpty()) {
            throw new ApiException(ErrorCode.STORAGE_FULL, "No storage element in mode '" + mode.value() + "' has "
                    + bytesNeeded + " bytes free");
        }
        StorageElementRecord chosen = weighted(fitting);
        meters.counter("ingester_se_selected_total", "storage_id", chosen.storageId(), "mode", mode.value()).increment();
        return chosen;
    }

    private StorageElementRecord weighted(List<StorageElementRecord> candidates) {
        double total = candidates.stream().mapToDouble(se -> (double) se.free()).sum();
        double point = random.nextDouble() * total;
        for (StorageElementRecord se : candidates) {
            point -= se.free();
            if (point < 0) {
                return se;
            }
        }
        return candidates.getLast();
    }
}
