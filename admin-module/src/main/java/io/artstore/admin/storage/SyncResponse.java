package io.artstore.admin.storage;

import java.time.Instant;

import io.artstore.admin.sync.SyncReport;
import io.swagger.v3.oas.annotations.media.Schema;

/** Answer of a manual sync (contract SyncResponse, plus {@code duration_ms}). */
@Schema(name = "SyncResponse", description = "Result of a storage-element sync")
public record SyncResponse(
        @Schema(description = "The storage element after the sync") StorageElementDtos.View storageElement,
        FileSync fileSync) {

    static SyncResponse of(SyncReport report) {
        return new SyncResponse(StorageElementDtos.View.of(report.storageElement()),
                new FileSync(report.filesOnSe(), report.filesAdded(), report.filesUpdated(), report.filesMarkedDeleted(),
                        report.startedAt(), report.completedAt(), report.durationMs()));
    }

    @Schema(name = "FileSyncResult", description = "What the file-registry sync changed")
    public record FileSync(
            @Schema(description = "Files the SE lists (all statuses)") long filesOnSe,
            @Schema(description = "Rows added to the registry") long filesAdded,
            @Schema(description = "Rows whose metadata changed") long filesUpdated,
            @Schema(description = "Rows marked deleted because the SE no longer has the file") long filesMarkedDeleted,
            Instant startedAt,
            Instant completedAt,
            @Schema(description = "Duration in milliseconds (extension of the contract)") long durationMs) {
    }
}
