package io.artstore.admin.replication;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

/** Answer of {@code GET /api/v1/replication/status}. */
@Schema(name = "ReplicationStatus", description = "Copies in the registry against the copy policy")
public record ReplicationStatus(
        @Schema(description = "Active files with fewer ok copies (on SEs not being drained) than wanted; temporary "
                + "files within 1 h of expiry are not counted") long filesUnderReplicated,
        @Schema(description = "Active files with no ok copy at all") long filesWithoutHealthyCopy,
        @Schema(description = "Copies being made right now") long pendingCopies,
        @Schema(description = "When this admin-module replica last finished a pass (null: none since it started)",
                nullable = true) Instant lastRunAt) {
}
