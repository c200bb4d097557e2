package io.artstore.ui.dashboard;

import java.time.Instant;

/**
 * admin-module's {@code GET /api/v1/replication/status}: files with fewer healthy copies
 * than wanted, files with no healthy copy at all, copies being made, the last job run.
 */
public record ReplicationStatus(long filesUnderReplicated, long filesWithoutHealthyCopy, long pendingCopies,
                                Instant lastRunAt) {
}
