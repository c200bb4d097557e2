package io.artstore.storage.info;

import java.nio.file.Files;
import java.util.List;

import io.artstore.kernel.contract.StorageElementStatus;
import io.artstore.kernel.contract.StorageMode;
import io.artstore.kernel.contract.StorageOperation;
import io.artstore.kernel.health.ServiceIdentity;
import io.artstore.storage.attr.StorageLayout;
import io.artstore.storage.mode.ModeService;
import io.artstore.storage.scrub.Scrubber;

/** Builds the public {@code /api/v1/info} answer (declared in {@link InfoConfiguration}). */
public class InfoService {

    private final String storageId;
    private final ModeService modes;
    private final CapacityService capacity;
    private final ServiceIdentity identity;
    private final StorageLayout layout;
    private final Scrubber scrubber;

    public InfoService(io.artstore.storage.config.StorageProperties properties, ModeService modes,
                       CapacityService capacity, ServiceIdentity identity, StorageLayout layout, Scrubber scrubber) {
        this.storageId = properties.storageId();
        this.modes = modes;
        this.capacity = capacity;
        this.identity = identity;
        this.layout = layout;
        this.scrubber = scrubber;
    }

    public StorageInfo info() {
        StorageMode mode = modes.current();
        List<StorageOperation> allowed = mode.allowedOperations().stream().sorted().toList();
        StorageElementStatus status = Files.isWritable(layout.dataDir()) && Files.isWritable(layout.walDir())
                ? StorageElementStatus.ONLINE : StorageElementStatus.DEGRADED;
        return new StorageInfo(storageId, mode, status, identity.version(), capacity.capacity(), "standalone",
                "standalone", allowed, scrubber.lastCompletedAt().orElse(null));
    }
}
