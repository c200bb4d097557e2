package io.artstore.ui.dashboard;

import java.util.List;
import java.util.Map;

import io.artstore.ui.storage.Capacity;
import io.artstore.kernel.client.admin.StorageElementRecord;

/**
 * Numbers of the dashboard. {@code storageAvailable}/{@code filesAvailable} are false
 * when admin-module does not offer that part of its API (yet) or it failed. {@code capacity}
 * counts each file system once.
 */
public record DashboardData(boolean storageAvailable, long seTotal, Map<String, Long> seByMode,
                            Map<String, Long> seByStatus, Capacity capacity,
                            List<StorageElementRecord> elements, boolean filesAvailable, long filesTotal,
                            Map<String, Long> filesByStatus) {
}
