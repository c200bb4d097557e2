package io.artstore.admin.storage;

import java.time.Instant;
import java.util.UUID;

import io.artstore.kernel.client.storage.SeStorageInfo;
import io.artstore.kernel.contract.StorageElementStatus;
import io.artstore.kernel.contract.StorageMode;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Request and response bodies of the storage-element endpoints. */
public final class StorageElementDtos {

    private StorageElementDtos() {
    }

    @Schema(name = "StorageElement", description = "A registered storage element with what it last reported")
    public record View(
            UUID id,
            @Schema(example = "Moscow SE 01") String name,
            @Schema(description = "Base URL admin-module and the other services use to reach the SE",
                    example = "https://se-01.example.org:8010") String url,
            @Schema(description = "The SE's own id (from its /api/v1/info)", example = "se-01") String storageId,
            @Schema(implementation = StorageMode.class) String mode,
            @Schema(implementation = StorageElementStatus.class) String status,
            @Schema(description = "Total capacity of the SE in bytes (its SE_MAX_CAPACITY, else its file system's size)")
            long capacityBytes,
            @Schema(description = "Bytes of the SE's files") long usedBytes,
            @Schema(description = "Bytes the SE can still take: min(capacity - used, free space of its file system)")
            long availableBytes,
            @Schema(description = "Opaque id of the SE's file system; SEs with one id share a disk (count its size "
                    + "and free space once). Null when the SE does not report it", nullable = true)
            String filesystemId,
            @Schema(description = "Size of the SE's file system, shared with the other SEs on it", nullable = true)
            Long filesystemTotalBytes,
            @Schema(description = "Free bytes of the SE's file system, shared with the other SEs on it", nullable = true)
            Long filesystemAvailableBytes,
            @Schema(description = "Last successful info refresh (mode, status, capacity)", nullable = true) Instant lastSyncAt,
            @Schema(description = "Last completed file-registry sync", nullable = true) Instant lastFileSyncAt,
            Instant createdAt,
            Instant updatedAt,
            @Schema(description = "Site label copies of a file are spread over: the label set on the registry, else "
                    + "the SE's id as text", example = "a") String site,
            @Schema(description = "Set while the SE is being drained (its files copied elsewhere); its copies do not "
                    + "count toward a file's wanted copies", nullable = true) Instant drainRequestedAt,
            @Schema(description = "When the SE's last complete scrub (fixity) pass finished", nullable = true)
            Instant lastScrubAt,
            @Schema(description = "Drain progress while the SE is being drained, null otherwise", nullable = true)
            Drain drain) {

        public static View of(StorageElement se) {
            return of(se, null);
        }

        public static View of(StorageElement se, Drain drain) {
            return new View(se.id(), se.name(), se.url(), se.storageId(), se.mode(), se.status(), se.capacityBytes(),
                    se.usedBytes(), se.availableBytes(), se.filesystemId(), se.filesystemTotalBytes(),
                    se.filesystemAvailableBytes(), se.lastSyncAt(), se.lastFileSyncAt(), se.createdAt(), se.updatedAt(),
                    se.effectiveSite(), se.drainRequestedAt(), se.lastScrubAt(), se.draining() ? drain : null);
        }
    }

    @Schema(name = "StorageElementDrain", description = "Progress of a drain")
    public record Drain(
            @Schema(description = "Active files with an ok copy on this SE") long filesTotal,
            @Schema(description = "Of those, files that do not yet have their wanted ok copies on other, not "
                    + "draining SEs; 0 = the SE can be removed without leaving a file below its wanted copies")
            long filesRemaining) {
    }

    @Schema(name = "StorageElementCreate")
    public record Create(
            @Schema(description = "Human-readable name", example = "Moscow SE 01") @NotBlank @Size(max = 100) String name,
            @Schema(description = "Base URL of the SE (http or https); its /api/v1/info is called",
                    example = "https://se-01.example.org:8010") @NotBlank @Size(max = 2000) String url,
            @Schema(description = "Site label (1..100 characters); copies of a file go to distinct sites where "
                    + "enough exist. Default: the SE is its own site", example = "a", nullable = true)
            @Size(min = 1, max = 100) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String site) {
    }

    @Schema(name = "StorageElementUpdate", description = "Fields to change; at least one")
    public record Update(
            @Size(min = 1, max = 100) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String name,
            @Schema(description = "New base URL; it must reach the same SE (same storage_id)")
            @Size(min = 1, max = 2000) String url,
            @Schema(description = "New site label (1..100 characters)", example = "b")
            @Size(min = 1, max = 100) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String site) {

        boolean empty() {
            return name == null && url == null && site == null;
        }
    }

    @Schema(name = "DiscoverRequest")
    public record DiscoverRequest(
            @Schema(description = "Base URL of the SE to preview", example = "https://se-01.example.org:8010")
            @NotBlank @Size(max = 2000) String url) {
    }

    @Schema(name = "DiscoverResponse", description = "What the SE reports at GET /api/v1/info")
    public record DiscoverResponse(
            String storageId,
            String mode,
            String status,
            String version,
            Capacity capacity) {

        static DiscoverResponse of(SeStorageInfo info) {
            ReportedCapacity c = ReportedCapacity.of(info.capacity());
            return new DiscoverResponse(info.storageId(), info.mode(), info.status(), info.version(),
                    new Capacity(c.totalBytes(), c.usedBytes(), c.availableBytes(), c.filesystemId(),
                            c.filesystemTotalBytes(), c.filesystemAvailableBytes()));
        }
    }

    @Schema(name = "StorageCapacity", description = "The SE's capacity; the filesystem fields are null when the SE "
            + "does not report them")
    public record Capacity(long totalBytes, long usedBytes, long availableBytes,
                           @Schema(nullable = true) String filesystemId,
                           @Schema(nullable = true) Long filesystemTotalBytes,
                           @Schema(nullable = true) Long filesystemAvailableBytes) {
    }

    @Schema(name = "ModeChangeRequest", description = "Mode transition of a storage element (extension of the contract)")
    public record ModeChange(
            @Schema(description = "Target mode; allowed: rw→ro, ro→ar, ro→rw (with confirm)", example = "ro")
            @NotNull StorageMode targetMode,
            @Schema(description = "Must be true for the rollback ro→rw", defaultValue = "false") Boolean confirm) {

        boolean confirmed() {
            return Boolean.TRUE.equals(confirm);
        }
    }

    @Schema(name = "ModeChangeResponse")
    public record ModeChangeResult(
            @Schema(implementation = StorageMode.class) String previousMode,
            @Schema(implementation = StorageMode.class) String currentMode,
            @Schema(description = "When the SE switched") Instant transitionedAt,
            @Schema(description = "The storage element after the change") View storageElement) {
    }
}
