package io.artstore.ui.dashboard;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.artstore.ui.api.AdminApi;
import io.artstore.ui.api.AdminApiException;
import io.artstore.ui.files.FileRecord;
import io.artstore.ui.files.FilesService;
import io.artstore.ui.storage.Capacity;
import io.artstore.ui.storage.ModeTransitions;
import io.artstore.kernel.client.admin.StorageElementRecord;
import io.artstore.ui.storage.StorageService;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.client.RestClientException;

/**
 * Dashboard numbers, each taken from admin-module's lists: counts are the {@code total}
 * of a filtered list of one item, capacity the total over all storage elements with each
 * file system counted once ({@link Capacity}); the replication figures from admin-module's
 * replication status, which may be missing (an older admin-module) without breaking the page.
 */
public class DashboardService {

    private static final Logger log = LoggerFactory.getLogger(DashboardService.class);

    private final StorageService storage;
    private final FilesService files;
    private final AdminApi api;
    private final Clock clock;

    public DashboardService(StorageService storage, FilesService files, AdminApi api, Clock clock) {
        this.storage = storage;
        this.files = files;
        this.api = api;
        this.clock = clock;
    }

    public DashboardData load() {
        boolean storageAvailable = true;
        long seTotal = 0;
        Capacity capacity = new Capacity(0, 0, 0);
        Map<String, Long> byMode = new LinkedHashMap<>();
        Map<String, Long> byStatus = new LinkedHashMap<>();
        List<StorageElementRecord> elements = List.of();
        try {
            elements = storage.all(null, null);
            seTotal = elements.size();
            for (String mode : ModeTransitions.MODES) {
                byMode.put(mode, storage.page(mode, null, 1, 0).total());
            }
            for (String status : ModeTransitions.STATUSES) {
                byStatus.put(status, storage.page(null, status, 1, 0).total());
            }
            capacity = Capacity.of(elements);
        } catch (AdminApiException ex) {
            rethrowAccessProblems(ex);
            log.debug("Storage numbers unavailable: {} {}", ex.status(), ex.code());
            storageAvailable = false;
        }
        boolean filesAvailable = true;
        long filesTotal = 0;
        Map<String, Long> byFileStatus = new LinkedHashMap<>();
        try {
            filesTotal = files.page(new FilesService.Criteria(null, null, null), 1, 0).total();
            for (String status : FileRecord.STATUSES) {
                byFileStatus.put(status, files.page(new FilesService.Criteria(status, null, null), 1, 0).total());
            }
        } catch (AdminApiException ex) {
            rethrowAccessProblems(ex);
            log.debug("File numbers unavailable: {} {}", ex.status(), ex.code());
            filesAvailable = false;
        }
        return new DashboardData(storageAvailable, seTotal, byMode, byStatus, capacity, elements,
                filesAvailable, filesTotal, byFileStatus, replication(), clock.instant());
    }

    /** The replication figures, or null ("unknown") when admin-module does not give them. */
    private ReplicationStatus replication() {
        try {
            return api.get("/api/v1/replication/status", ReplicationStatus.class);
        } catch (AdminApiException ex) {
            if (ex.status() == 401) {
                throw ex;
            }
            // missing (404 from an older admin-module), refused or failing: the rest of the page still counts
            log.debug("Replication status unavailable: {} {}", ex.status(), ex.code());
            return null;
        } catch (RestClientException ex) {
            // an answer that is not the status's shape (e.g. a proxy's page) is as good as none
            log.debug("Replication status unreadable: {}", ex.toString());
            return null;
        }
    }

    private static void rethrowAccessProblems(AdminApiException ex) {
        if (ex.status() == 401 || ex.status() == 403) {
            throw ex;
        }
    }
}
