package io.artstore.storage.reconcile;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** Contract ReconcileResponse. */
@Schema(name = "ReconcileResponse")
public record ReconcileReport(Instant startedAt, Instant completedAt, long filesChecked, List<ReconcileIssue> issues,
                              Summary summary) {

    /**
     * Contract ReconcileSummary; {@code orphaned_attrs} is an addition for the
     * {@code orphaned_attr} issue type, which the contract summary does not count.
     */
    @Schema(name = "ReconcileSummary")
    public record Summary(long ok, long orphanedFiles, long missingFiles, long checksumMismatches,
                          long sizeMismatches, long orphanedAttrs) {
    }
}
