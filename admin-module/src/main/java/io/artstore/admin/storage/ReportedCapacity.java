package io.artstore.admin.storage;

import io.artstore.kernel.client.storage.SeStorageInfo;

/**
 * The capacity an SE reported, as the registry stores it: negative numbers become 0, a
 * missing report all zeros, and the optional file-system fields stay null when absent.
 */
public record ReportedCapacity(long totalBytes, long usedBytes, long availableBytes, String filesystemId,
                               Long filesystemTotalBytes, Long filesystemAvailableBytes) {

    /** Longest file-system id kept; the SE sends 32 hex digits, anything longer is not one. */
    static final int MAX_FILESYSTEM_ID = 128;

    public static ReportedCapacity of(SeStorageInfo.Capacity capacity) {
        if (capacity == null) {
            return new ReportedCapacity(0, 0, 0, null, null, null);
        }
        String id = capacity.filesystemId();
        boolean usableId = id != null && !id.isBlank() && id.length() <= MAX_FILESYSTEM_ID;
        return new ReportedCapacity(Math.max(0, capacity.totalBytes()), Math.max(0, capacity.usedBytes()),
                Math.max(0, capacity.availableBytes()), usableId ? id.strip() : null,
                nonNegative(capacity.filesystemTotalBytes()), nonNegative(capacity.filesystemAvailableBytes()));
    }

    private static Long nonNegative(Long value) {
        return value == null ? null : Math.max(0, value);
    }
}
