package io.artstore.ui.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.artstore.ui.storage.Capacity;
import io.artstore.kernel.client.admin.StorageElementRecord;

/**
 * Numbers of the dashboard. {@code storageAvailable}/{@code filesAvailable} are false
 * when admin-module does not offer that part of its API (yet) or it failed. {@code capacity}
 * counts each file system once. {@code replication} is null when admin-module's replication
 * status is unknown (an older admin-module, or the call failed). {@code loadedAt} is the
 * time the scrub ages are measured against.
 */
public record DashboardData(boolean storageAvailable, long seTotal, Map<String, Long> seByMode,
                            Map<String, Long> seByStatus, Capacity capacity,
                            List<StorageElementRecord> elements, boolean filesAvailable, long filesTotal,
                            Map<String, Long> filesByStatus, ReplicationStatus replication, Instant loadedAt) {

    /**
     * A last scrub older than this is flagged: the SEs scrub every 30 days by default
     * ({@code SE_SCRUB_INTERVAL}), so 45 days leave room for a long pass, not for a stalled one.
     */
    public static final Duration SCRUB_WARNING_AGE = Duration.ofDays(45);

    /** The SE's last complete scrub is older than {@link #SCRUB_WARNING_AGE} (never scrubbed: not flagged, shown as "never"). */
    public boolean scrubOverdue(StorageElementRecord se) {
        return se.lastScrubAt() != null && se.lastScrubAt().isBefore(loadedAt.minus(SCRUB_WARNING_AGE));
    }
}
