package io.artstore.storage.info;

import java.time.Instant;
import java.util.List;

import io.artstore.kernel.contract.StorageElementStatus;
import io.artstore.kernel.contract.StorageMode;
import io.artstore.kernel.contract.StorageOperation;
import io.swagger.v3.oas.annotations.media.Schema;

/** Contract StorageInfo. */
@Schema(name = "StorageInfo")
public record StorageInfo(
        @Schema(example = "se-moscow-01") String storageId,
        StorageMode mode,
        StorageElementStatus status,
        String version,
        CapacityService.Capacity capacity,
        @Schema(allowableValues = {"standalone", "replicated"}) String replicaMode,
        @Schema(allowableValues = {"standalone", "leader", "follower"}) String role,
        List<StorageOperation> allowedOperations,
        @Schema(description = "When the last complete scrub pass finished; null: none yet", nullable = true)
        Instant lastScrubAt) {
}
