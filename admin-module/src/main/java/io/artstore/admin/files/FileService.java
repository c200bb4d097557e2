package io.artstore.admin.files;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import io.artstore.admin.common.Timestamps;
import io.artstore.admin.storage.StorageElementCalls;
import io.artstore.admin.storage.StorageElementRepository;
import io.artstore.kernel.client.storage.SeFileMetadata;
import io.artstore.kernel.client.storage.StorageElementException;
import io.artstore.kernel.contract.CopyStatus;
import io.artstore.kernel.contract.FileStatus;
import io.artstore.kernel.contract.RetentionPolicy;
import io.artstore.kernel.error.ApiException;
import io.artstore.kernel.paging.Page;
import io.artstore.kernel.paging.PageQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.annotation.Transactional;

/**
 * The file registry. Registration records what the ingester stored (the file and its first
 * copy); description and tag changes and deletions go to every SE holding a copy first (their
 * attr.json files are the source of truth), so the next sync agrees with the registry.
 */
public class FileService {

    private static final Logger log = LoggerFactory.getLogger(FileService.class);

    private final FileRepository files;
    private final StorageElementRepository storageElements;
    private final StorageElementCalls calls;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    public FileService(FileRepository files, StorageElementRepository storageElements, StorageElementCalls calls,
                       Clock clock, ApplicationEventPublisher events) {
        this.files = files;
        this.storageElements = storageElements;
        this.calls = calls;
        this.clock = clock;
        this.events = events;
    }

    /** The file and its one ok copy on the given SE, in one transaction (verified: the SE hashed it while storing). */
    @Transactional
    public FileRecord register(FileDtos.Register request, String caller) {
        if (storageElements.findById(request.storageElementId()).isEmpty()) {
            throw ApiException.validation("storage_element_id: no such storage element");
        }
        boolean temporary = request.retentionPolicy() == RetentionPolicy.TEMPORARY;
        if (temporary && request.ttlDays() == null) {
            throw ApiException.validation("ttl_days: required for retention_policy temporary");
        }
        if (!temporary && request.ttlDays() != null) {
            throw ApiException.validation("ttl_days: only for retention_policy temporary");
        }
        Instant now = Timestamps.now(clock);
        Instant uploadedAt = request.uploadedAt() == null ? now : request.uploadedAt().truncatedTo(ChronoUnit.MICROS);
        String uploadedBy = request.uploadedBy() == null || request.uploadedBy().isBlank() ? caller : request.uploadedBy();
        FileRecord file = new FileRecord(request.fileId(), request.originalFilename(), request.contentType(),
                request.size(), request.checksum().toLowerCase(java.util.Locale.ROOT), request.storageElementId(), null,
                uploadedBy, uploadedAt, request.description(), request.tags() == null ? List.of() : List.copyOf(request.tags()),
                FileStatus.ACTIVE.value(), request.retentionPolicy().value(), temporary ? request.ttlDays() : null,
                temporary ? uploadedAt.plus(request.ttlDays(), ChronoUnit.DAYS) : null, now, now, List.of());
        boolean inserted;
        try {
            inserted = files.insert(file);
            if (inserted) {
                files.insertCopy(file.fileId(), request.storageElementId(), CopyStatus.OK.value(), now);
            }
        } catch (DataIntegrityViolationException ex) {
            // the SE was removed between the check and the insert
            throw ApiException.validation("storage_element_id: no such storage element");
        }
        if (!inserted) {
            throw ApiException.conflict("File " + request.fileId() + " is already registered");
        }
        events.publishEvent(new FileRegistered(file.fileId()));
        return get(file.fileId());
    }

    public Page<FileRecord> list(FileFilter filter, PageQuery page) {
        return Page.of(files.withCopies(files.list(filter, page)), files.count(filter), page);
    }

    public FileRecord get(UUID id) {
        FileRecord file = files.findById(id).orElseThrow(() -> notFound(id));
        return files.withCopies(List.of(file)).getFirst();
    }

    /**
     * Description and tags are written to every SE holding a copy and stored as the first SE that
     * took them answers them; status is a registry-only correction (the next sync takes the SEs'
     * status again).
     */
    public FileRecord update(UUID id, FileDtos.Update request) {
        if (request.empty()) {
            throw ApiException.validation("Nothing to update: give description, tags and/or status");
        }
        FileRecord file = get(id);
        String description = file.description();
        List<String> tags = file.tags();
        boolean metadataChanged = request.description() != null || request.tags() != null;
        if (metadataChanged) {
            Map<String, Object> changes = new LinkedHashMap<>();
            if (request.description() != null) {
                changes.put("description", request.description());
                description = request.description();
            }
            if (request.tags() != null) {
                changes.put("tags", request.tags());
                tags = List.copyOf(request.tags());
            }
            SeFileMetadata stored = onEveryCopy(id, "update", url -> calls.updateMetadata(url, id, changes), false);
            if (stored != null) {
                description = stored.description();
                tags = stored.tags() == null ? List.of() : stored.tags();
            }
        }
        String status = request.status() == null ? file.status() : request.status().value();
        files.update(id, description, tags, status, metadataChanged, Timestamps.now(clock));
        return get(id);
    }

    /** Soft delete: on every SE holding a copy (their GC removes the data later), then status {@code deleted} here. */
    public void delete(UUID id) {
        FileRecord file = get(id);
        if (FileStatus.DELETED.value().equals(file.status())) {
            return;
        }
        onEveryCopy(id, "delete", url -> {
            calls.delete(url, id);
            return null;
        }, true);
        files.update(id, file.description(), file.tags(), FileStatus.DELETED.value(), true, Timestamps.now(clock));
    }

    /**
     * Applies a change on every SE holding a copy of the file that is not missing. An SE that is
     * down or refuses is skipped (logged) as long as another took the change: the sync brings it
     * up to date later (the registry's change is then the newest). When none took it, the first
     * failure is thrown (as with a single SE). No copy known at all: a registry-only change, which
     * the sync carries to copies found later. Returns the first answer (null when none).
     *
     * @param goneIsDone whether an SE's 404 counts as done (a delete) or as nothing there (an update)
     */
    private <T> T onEveryCopy(UUID id, String what, Function<String, T> change, boolean goneIsDone) {
        List<FileRepository.CopyLocation> locations = files.copyLocations(id, CopyStatus.MISSING.value());
        if (locations.isEmpty()) {
            log.info("File {} has no copy on any registered SE: {} recorded in the registry only", id, what);
            return null;
        }
        T first = null;
        int done = 0;
        List<RuntimeException> failures = new ArrayList<>();
        for (FileRepository.CopyLocation location : locations) {
            try {
                T answer = change.apply(location.url());
                if (first == null) {
                    first = answer;
                }
                done++;
            } catch (StorageElementException ex) {
                if (ex.status().value() == 404 && goneIsDone) {
                    log.info("File {} was already gone from storage element {}", id, location.storageElementId());
                    done++;
                } else {
                    failures.add(ex);
                }
            } catch (ApiException ex) {
                failures.add(ex);
            }
        }
        if (done == 0) {
            if (failures.isEmpty()) {
                throw notFound(id);
            }
            throw failures.getFirst();
        }
        if (!failures.isEmpty()) {
            log.warn("File {}: {} skipped on {} of {} storage elements (the sync repeats it there): {}", id, what,
                    failures.size(), locations.size(), failures.getFirst().getMessage());
        }
        return first;
    }

    private static ApiException notFound(UUID id) {
        return ApiException.notFound("File " + id + " not found");
    }
}
