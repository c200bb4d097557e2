package io.artstore.admin.replication;

import io.swagger.v3.oas.annotations.media.Schema;

/** What one replication pass did (answer of {@code POST /api/v1/replication/run}). */
@Schema(name = "ReplicationPassReport", description = "What one replication pass did")
public record PassReport(
        @Schema(description = "Under-replicated files this replica claimed") long filesClaimed,
        @Schema(description = "Copies stored and verified by their target SE") long copiesMade,
        @Schema(description = "Copies that failed (the file is retried after a back-off)") long copiesFailed,
        @Schema(description = "Bytes streamed from source to target SEs") long bytesCopied,
        @Schema(description = "Duration of the pass in milliseconds") long durationMs) {
}
