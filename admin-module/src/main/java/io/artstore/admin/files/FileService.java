package io.artstore.admin.files;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.artstore.admin.common.Timestamps;
import io.artstore.admin.storage.StorageElement;
import io.artstore.admin.storage.StorageElementCalls;
import io.artstore.admin.storage.StorageElementRepository;
import io.artstore.kernel.client.storage.SeFileMetadata;
import io.artstore.kernel.client.storage.StorageElementException;
import io.artstore.kernel.contract.FileStatus;
import io.artstore.kernel.contract.RetentionPolicy;
import io.artstore.kernel.error.ApiException;
import io.artstore.kernel.paging.Page;
import io.artstore.kernel.paging.PageQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;

/**
 * The file registry. Registration records what the ingester stored; description and tag
 * changes and deletions go to the SE first (its attr.json is the source of truth), so the
 * next sync agrees with the registry.
 */
@Service
public class FileService {

    private static final Logger log = LoggerFactory.getLogger(FileService.class);

    private final FileRepository files;
    private final StorageElementRepository storageElements;
    private final StorageElementCalls calls;
    private final Clock clock;

    public FileService(FileRepository files, StorageElementRepository storageElements, StorageElementCalls calls,
                       Clock clock) {
        this.files = files;
        this.storageElements = storageElements;
        this.calls = calls;
        this.clock = clock;
    }

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
                temporary ? uploadedAt.plus(request.ttlDays(), ChronoUnit.DAYS) : null, now, now);
        boolean inserted;
        try {
            inserted = files.insert(file);
        } catch (DataIntegrityViolationException ex) {
            // the SE was removed between the check and the insert
            throw ApiException.validation("storage_element_id: no such storage element");
        }
        if (!inserted) {
            throw ApiException.conflict("File " + request.fileId() + " is already registered");
        }
        return get(file.fileId());
    }

    public Page<FileRecord> list(FileFilter filter, PageQuery page) {
        return Page.of(files.list(filter, page), files.count(filter), page);
    }

    public FileRecord get(UUID id) {
        return files.findById(id).orElseThrow(() -> notFound(id));
    }

    /**
     * Description and tags are written to the SE first and stored as the SE answers them;
     * status is a registry-only correction (the next sync takes the SE's status again).
     */
    public FileRecord update(UUID id, FileDtos.Update request) {
        if (request.empty()) {
            throw ApiException.validation("Nothing to update: give description, tags and/or status");
        }
        FileRecord file = get(id);
        String description = file.description();
        List<String> tags = file.tags();
        if (request.description() != null || request.tags() != null) {
            Map<String, Object> changes = new LinkedHashMap<>();
            if (request.description() != null) {
                changes.put("description", request.description());
            }
            if (request.tags() != null) {
                changes.put("tags", request.tags());
            }
            SeFileMetadata stored = calls.updateMetadata(storageElement(file).url(), id, changes);
            description = stored.description();
            tags = stored.tags() == null ? List.of() : stored.tags();
        }
        String status = request.status() == null ? file.status() : request.status().value();
        files.update(id, description, tags, status, Timestamps.now(clock));
        return get(id);
    }

    /** Soft delete: on the SE (its GC removes the data later), then status {@code deleted} here. */
    public void delete(UUID id) {
        FileRecord file = get(id);
        if (FileStatus.DELETED.value().equals(file.status())) {
            return;
        }
        try {
            calls.delete(storageElement(file).url(), id);
        } catch (StorageElementException ex) {
            if (ex.status().value() != 404) {
                throw ex;
            }
            log.info("File {} was already gone from its storage element", id);
        }
        files.update(id, file.description(), file.tags(), FileStatus.DELETED.value(), Timestamps.now(clock));
    }

    private StorageElement storageElement(FileRecord file) {
        return storageElements.findById(file.storageElementId())
                .orElseThrow(() -> notFound(file.fileId()));
    }

    private static ApiException notFound(UUID id) {
        return ApiException.notFound("File " + id + " not found");
    }
}
