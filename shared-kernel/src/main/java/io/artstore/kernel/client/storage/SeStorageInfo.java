package io.artstore.kernel.client.storage;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * {@code GET /api/v1/info} of a storage element ({@code lastScrubAt}: when its last complete
 * fixity pass finished, null from SEs without a scrub or before the first pass). Fields an SE adds later are ignored, so
 * that an SE newer than its caller can still be read (the contract is extended, never broken).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SeStorageInfo(
        String storageId,
        String mode,
        String status,
        String version,
        Capacity capacity,
        String replicaMode,
        String role,
        List<String> allowedOperations,
        Instant lastScrubAt) {

    /**
     * Contract CapacityInfo. The three file-system fields are optional (null from SEs that
     * do not report them): SEs reporting one {@code filesystemId} share a disk.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Capacity(long totalBytes, long usedBytes, long availableBytes, String filesystemId,
                           Long filesystemTotalBytes, Long filesystemAvailableBytes) {

        public Capacity(long totalBytes, long usedBytes, long availableBytes) {
            this(totalBytes, usedBytes, availableBytes, null, null, null);
        }
    }
}
