package io.artstore.admin.storage;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import io.artstore.admin.common.Timestamps;
import io.artstore.admin.files.CopyCounts;
import io.artstore.admin.sync.RegistrySync;
import io.artstore.admin.sync.SyncReport;
import io.artstore.kernel.client.storage.SeModeTransition;
import io.artstore.kernel.client.storage.SeStorageInfo;
import io.artstore.kernel.client.storage.StorageElementException;
import io.artstore.kernel.contract.ContractValues;
import io.artstore.kernel.contract.StorageElementStatus;
import io.artstore.kernel.contract.StorageMode;
import io.artstore.kernel.error.ApiException;
import io.artstore.kernel.error.ErrorCode;
import io.artstore.kernel.paging.Page;
import io.artstore.kernel.paging.PageQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;

/** The storage-element registry: discover, register, list, update, delete, sync and mode changes. */
public class StorageElementService {

    private static final Logger log = LoggerFactory.getLogger(StorageElementService.class);

    private final StorageElementRepository repository;
    private final StorageElementCalls calls;
    private final RegistrySync sync;
    private final CopyCounts copies;
    private final Clock clock;

    public StorageElementService(StorageElementRepository repository, StorageElementCalls calls, RegistrySync sync,
                                 CopyCounts copies, Clock clock) {
        this.repository = repository;
        this.calls = calls;
        this.sync = sync;
        this.copies = copies;
        this.clock = clock;
    }

    public StorageElementDtos.DiscoverResponse discover(String url) {
        return StorageElementDtos.DiscoverResponse.of(calls.info(StorageElementUrls.normalize(url)));
    }

    /** Registers an SE from its info, then fills the registry with a full sync of its files. */
    public StorageElement register(StorageElementDtos.Create request) {
        String url = StorageElementUrls.normalize(request.url());
        if (repository.findByUrl(url).isPresent()) {
            throw ApiException.conflict("A storage element with this URL is already registered");
        }
        SeStorageInfo info = calls.info(url);
        java.util.Optional<StorageMode> mode = StorageMode.parse(info.mode());
        if (info.storageId() == null || info.storageId().isBlank() || mode.isEmpty()) {
            throw new ApiException(ErrorCode.SE_UNAVAILABLE,
                    "The storage element did not report a storage_id and a known mode");
        }
        repository.findByStorageId(info.storageId()).ifPresent(existing -> {
            throw ApiException.conflict("Storage element " + info.storageId() + " is already registered (as "
                    + existing.url() + ")");
        });
        Instant now = Timestamps.now(clock);
        ReportedCapacity capacity = ReportedCapacity.of(info.capacity());
        StorageElement se = new StorageElement(UUID.randomUUID(), request.name().strip(), url, info.storageId(),
                mode.get().value(), StorageElementStatus.ONLINE.value(), capacity.totalBytes(), capacity.usedBytes(),
                capacity.availableBytes(), capacity.filesystemId(), capacity.filesystemTotalBytes(),
                capacity.filesystemAvailableBytes(), now, null, now, now,
                request.site() == null ? null : request.site().strip(), null, null);
        try {
            repository.insert(se);
        } catch (DuplicateKeyException ex) {
            throw ApiException.conflict("A storage element with this URL is already registered");
        }
        log.info("Registered storage element {} at {}", se.storageId(), url);
        try {
            return sync.sync(se.id()).storageElement();
        } catch (ApiException ex) {
            // Registered all the same: the periodic jobs sync it when it answers again.
            log.warn("First sync of {} failed: {}", se.storageId(), ex.getMessage());
            return get(se.id());
        }
    }

    /** {@code mode} and {@code status} filter when given; 400 naming the parameter when not a contract value. */
    public Page<StorageElement> list(String modeFilter, String statusFilter, PageQuery page) {
        StorageMode mode = modeFilter == null ? null : ContractValues.require(StorageMode.class, "mode", modeFilter);
        StorageElementStatus status = statusFilter == null ? null : ContractValues.require(StorageElementStatus.class, "status", statusFilter);
        return Page.of(repository.list(mode, status, page), repository.count(mode, status), page);
    }

    public StorageElement get(UUID id) {
        return repository.findById(id).orElseThrow(() -> notFound(id));
    }

    /** Changes name and/or URL; a new URL must reach the same SE. */
    public StorageElement update(UUID id, StorageElementDtos.Update request) {
        if (request.empty()) {
            throw ApiException.validation("Nothing to update: give name, url and/or site");
        }
        StorageElement se = get(id);
        String name = request.name() == null ? se.name() : request.name().strip();
        String url = se.url();
        if (request.url() != null) {
            url = StorageElementUrls.normalize(request.url());
            if (!url.equals(se.url())) {
                if (repository.findByUrl(url).isPresent()) {
                    throw ApiException.conflict("A storage element with this URL is already registered");
                }
                SeStorageInfo info = calls.info(url);
                if (!se.storageId().equals(info.storageId())) {
                    throw ApiException.validation("url: it reaches storage element " + info.storageId() + ", not "
                            + se.storageId());
                }
            }
        }
        try {
            repository.updateNameAndUrl(id, name, url, Timestamps.now(clock));
        } catch (DuplicateKeyException ex) {
            throw ApiException.conflict("A storage element with this URL is already registered");
        }
        if (request.site() != null) {
            repository.updateSite(id, request.site().strip(), Timestamps.now(clock));
        }
        return get(id);
    }

    /**
     * Starts draining the SE: its copies stop counting toward wanted copies, so the replication job
     * copies its files elsewhere. Starting a drain already running keeps its start time.
     */
    public StorageElement startDrain(UUID id) {
        StorageElement se = get(id);
        if (!se.draining()) {
            Instant now = Timestamps.now(clock);
            repository.updateDrain(id, now, now);
            log.info("Drain of storage element {} requested", se.storageId());
        }
        return get(id);
    }

    /** Cancels a drain (nothing happens when none runs); copies already made elsewhere stay. */
    public StorageElement cancelDrain(UUID id) {
        StorageElement se = get(id);
        if (se.draining()) {
            repository.updateDrain(id, null, Timestamps.now(clock));
            log.info("Drain of storage element {} cancelled", se.storageId());
        }
        return get(id);
    }

    /** The view of an SE, with its drain progress while it is being drained. */
    public StorageElementDtos.View view(StorageElement se) {
        if (!se.draining()) {
            return StorageElementDtos.View.of(se);
        }
        StorageElementRepository.DrainProgress progress = repository.drainProgress(se.id(), copies.permanent(),
                copies.temporary());
        return StorageElementDtos.View.of(se,
                new StorageElementDtos.Drain(progress.filesTotal(), progress.filesRemaining()));
    }

    /** Removes the SE and its registry rows; the files on the SE are not touched. */
    public void delete(UUID id) {
        StorageElement se = get(id);
        if (!repository.delete(id)) {
            throw notFound(id);
        }
        log.info("Storage element {} ({}) removed from the registry", se.storageId(), se.url());
    }

    public SyncReport sync(UUID id) {
        get(id);
        return sync.sync(id);
    }

    /**
     * Asks the SE to switch mode with admin-module's own credentials and stores the new mode.
     * The SE's refusals (409 {@code INVALID_TRANSITION}, {@code CONFIRMATION_REQUIRED}) reach the
     * caller unchanged.
     */
    public StorageElementDtos.ModeChangeResult changeMode(UUID id, StorageElementDtos.ModeChange request) {
        StorageElement se = get(id);
        SeModeTransition transition;
        try {
            transition = calls.transition(se.url(), request.targetMode().value(), request.confirmed());
        } catch (StorageElementException ex) {
            if (ex.status().value() == 401 || ex.status().value() == 403) {
                throw new ApiException(ErrorCode.SE_UNAVAILABLE,
                        "The storage element refused admin-module's credentials (HTTP " + ex.status().value() + ")", ex);
            }
            throw ex;
        }
        String current = transition.currentMode() == null ? request.targetMode().value() : transition.currentMode();
        repository.updateMode(id, current, Timestamps.now(clock));
        log.info("Storage element {} switched from {} to {}", se.storageId(), transition.previousMode(), current);
        return new StorageElementDtos.ModeChangeResult(transition.previousMode(), current, transition.transitionedAt(),
                view(get(id)));
    }

    private static ApiException notFound(UUID id) {
        return ApiException.notFound("Storage element " + id + " not found");
    }
}
