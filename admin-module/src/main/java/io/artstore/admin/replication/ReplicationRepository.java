package io.artstore.admin.replication;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.artstore.admin.files.CopyCounts;
import io.artstore.admin.common.Timestamps;
import io.artstore.kernel.client.storage.SeFileMetadata;
import io.artstore.kernel.contract.ContractValues;
import io.artstore.kernel.contract.CopyStatus;
import io.artstore.kernel.contract.FileStatus;
import io.artstore.kernel.contract.RetentionPolicy;
import org.springframework.jdbc.core.simple.JdbcClient;

/** SQL of the replication job over {@code files} (its claim columns) and {@code file_copies}. */
public class ReplicationRepository {

    /**
     * Temporary files this close to expiry are not replicated: the copy would hardly outlive the
     * transfer, and the GC of the original must not be "repaired" from it.
     */
    static final Duration EXPIRY_MARGIN = Duration.ofHours(1);

    /**
     * Active files that want more copies than they have: ok copies on SEs that are not draining,
     * fewer than the policy's wanted number; temporaries within the expiry margin left out.
     * {@code f} is the file's alias.
     */
    private static final String UNDER_REPLICATED = "\n" + """
            f.status = :active
            AND NOT (f.retention_policy = :temporaryPolicy AND f.expires_at IS NOT NULL AND f.expires_at < :horizon)
            AND (SELECT count(*) FROM file_copies c JOIN storage_elements s ON s.id = c.storage_element_id
                 WHERE c.file_id = f.file_id AND c.status = :ok AND s.drain_requested_at IS NULL)
                < CASE WHEN f.retention_policy = :permanentPolicy THEN :wantedPermanent ELSE :wantedTemporary END
            """;

    private final JdbcClient jdbc;
    private final ReplicationProperties properties;
    private final CopyCounts counts;

    public ReplicationRepository(JdbcClient jdbc, ReplicationProperties properties, CopyCounts counts) {
        this.counts = counts;
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /**
     * Claims up to {@code batch} under-replicated files that no live replica holds (never claimed,
     * released, or claim expired: a replica that died, or a back-off that ran out). Rows another
     * replica is claiming at this moment are skipped, not waited for; a row claimed and committed
     * meanwhile is re-checked by PostgreSQL against the condition and left out.
     */
    public List<ClaimedFile> claim(String owner, Instant now, Instant until, int batch) {
        return jdbc.sql("""
                        UPDATE files SET replication_claimed_by = :owner, replication_claim_until = :until
                        WHERE file_id IN (
                            SELECT f.file_id FROM files f
                            WHERE (f.replication_claim_until IS NULL OR f.replication_claim_until < :now)
                              AND """ + UNDER_REPLICATED + """
                            ORDER BY f.uploaded_at, f.file_id
                            LIMIT :batch
                            FOR UPDATE SKIP LOCKED)
                        RETURNING *
                        """)
                .param("owner", owner)
                .param("until", Timestamps.sql(until))
                .param("now", Timestamps.sql(now))
                .param("batch", batch)
                .params(underReplicatedParams(now))
                .query(ReplicationRepository::mapFile).list();
    }

    /** Extends a claim this replica still holds; false when it lost it (expired and taken over). */
    public boolean renew(UUID fileId, String owner, Instant until) {
        return jdbc.sql("""
                        UPDATE files SET replication_claim_until = :until
                        WHERE file_id = :fileId AND replication_claimed_by = :owner
                        """)
                .param("fileId", fileId)
                .param("owner", owner)
                .param("until", Timestamps.sql(until))
                .update() == 1;
    }

    /** The file's work is done: the claim and the failure record are cleared. */
    public void release(UUID fileId, String owner) {
        jdbc.sql("""
                        UPDATE files SET replication_claimed_by = NULL, replication_claim_until = NULL,
                                         replication_attempts = 0, replication_last_error = NULL
                        WHERE file_id = :fileId AND replication_claimed_by = :owner
                        """)
                .param("fileId", fileId)
                .param("owner", owner)
                .update();
    }

    /**
     * Records a failed attempt: attempts + 1, the error, and the claim kept until {@code now} plus the
     * back-off, so no replica retries before then. 
     */
    public void fail(UUID fileId, String owner, String error, Instant now, int attemptsBefore) {
        int attempts = attemptsBefore + 1;
        jdbc.sql("""
                        UPDATE files SET replication_attempts = :attempts, replication_last_error = :error,
                                         replication_claim_until = :until
                        WHERE file_id = :fileId AND replication_claimed_by = :owner
                        """)
                .param("fileId", fileId)
                .param("owner", owner)
                .param("attempts", attempts)
                .param("error", error == null ? "unknown error" : error.length() > 2000 ? error.substring(0, 2000) : error)
                .param("until", Timestamps.sql(now.plus(properties.backOff(attempts))))
                .update();
    }

    /** The file's copies: storage element id to copy status. */
    public Map<UUID, CopyStatus> copies(UUID fileId) {
        return jdbc.sql("SELECT storage_element_id, status FROM file_copies WHERE file_id = :fileId")
                .param("fileId", fileId)
                .query(rs -> {
                    Map<UUID, CopyStatus> copies = new HashMap<>();
                    while (rs.next()) {
                        CopyStatus.parse(rs.getString("status")).ifPresent(status ->
                                copiesPut(copies, rs, status));
                    }
                    return copies;
                });
    }

    private static void copiesPut(Map<UUID, CopyStatus> copies, ResultSet rs, CopyStatus status) {
        try {
            copies.put(rs.getObject("storage_element_id", UUID.class), status);
        } catch (SQLException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** The target's copy becomes {@code pending} (created, or replacing a corrupt/missing one). */
    public void markPending(UUID fileId, UUID storageElementId, Instant now) {
        jdbc.sql("""
                        INSERT INTO file_copies (file_id, storage_element_id, status, verified_at, created_at, updated_at)
                        VALUES (:fileId, :seId, :pending, NULL, :now, :now)
                        ON CONFLICT (file_id, storage_element_id)
                        DO UPDATE SET status = :pending, updated_at = :now
                        """)
                .param("fileId", fileId)
                .param("seId", storageElementId)
                .param("pending", CopyStatus.PENDING.value())
                .param("now", Timestamps.sql(now))
                .update();
    }

    /** The SE stored and verified the copy. */
    public void markOk(UUID fileId, UUID storageElementId, Instant verifiedAt) {
        jdbc.sql("""
                        UPDATE file_copies SET status = :ok, verified_at = :verifiedAt, updated_at = :verifiedAt
                        WHERE file_id = :fileId AND storage_element_id = :seId
                        """)
                .param("fileId", fileId)
                .param("seId", storageElementId)
                .param("ok", CopyStatus.OK.value())
                .param("verifiedAt", Timestamps.sql(verifiedAt))
                .update();
    }

    /**
     * Undoes {@link #markPending} after a failed copy: a row the job created goes away, a row that
     * held a {@code corrupt} or {@code missing} copy gets that status back.
     */
    public void undoPending(UUID fileId, UUID storageElementId, CopyStatus before, Instant now) {
        if (before == null) {
            jdbc.sql("""
                            DELETE FROM file_copies
                            WHERE file_id = :fileId AND storage_element_id = :seId AND status = :pending
                            """)
                    .param("fileId", fileId)
                    .param("seId", storageElementId)
                    .param("pending", CopyStatus.PENDING.value())
                    .update();
            return;
        }
        jdbc.sql("""
                        UPDATE file_copies SET status = :before, updated_at = :now
                        WHERE file_id = :fileId AND storage_element_id = :seId AND status = :pending
                        """)
                .param("fileId", fileId)
                .param("seId", storageElementId)
                .param("before", before.value())
                .param("pending", CopyStatus.PENDING.value())
                .param("now", Timestamps.sql(now))
                .update();
    }

    /** The figures of {@code GET /api/v1/replication/status} and of the gauges, in one query. */
    public Figures figures(Instant now) {
        return jdbc.sql("""
                        SELECT
                          (SELECT count(*) FROM files f WHERE """ + UNDER_REPLICATED + """
                          ) AS under_replicated,
                          (SELECT count(*) FROM files f
                           WHERE f.status = :active
                             AND NOT EXISTS (SELECT 1 FROM file_copies c
                                             WHERE c.file_id = f.file_id AND c.status = :ok)) AS without_healthy,
                          (SELECT count(*) FROM file_copies c WHERE c.status = :pending) AS pending,
                          (SELECT min(GREATEST(f.uploaded_at,
                                               (SELECT max(GREATEST(c.updated_at, s.drain_requested_at))
                                                FROM file_copies c JOIN storage_elements s ON s.id = c.storage_element_id
                                                WHERE c.file_id = f.file_id)))
                           FROM files f WHERE """ + UNDER_REPLICATED + """
                          ) AS oldest_since
                        """)
                .params(underReplicatedParams(now))
                .param("pending", CopyStatus.PENDING.value())
                .query((rs, row) -> {
                    Instant oldest = Timestamps.read(rs, "oldest_since");
                    long oldestSeconds = oldest == null ? 0 : Math.max(0, Duration.between(oldest, now).toSeconds());
                    return new Figures(rs.getLong("under_replicated"), rs.getLong("without_healthy"),
                            rs.getLong("pending"), oldestSeconds);
                })
                .single();
    }

    private Map<String, Object> underReplicatedParams(Instant now) {
        return Map.of(
                "active", FileStatus.ACTIVE.value(),
                "temporaryPolicy", RetentionPolicy.TEMPORARY.value(),
                "permanentPolicy", RetentionPolicy.PERMANENT.value(),
                "ok", CopyStatus.OK.value(),
                "horizon", Timestamps.sql(now.plus(EXPIRY_MARGIN)),
                "wantedPermanent", counts.permanent(),
                "wantedTemporary", counts.temporary());
    }

    private static ClaimedFile mapFile(ResultSet rs, int row) throws SQLException {
        Array tags = rs.getArray("tags");
        List<String> tagList = tags == null ? List.of() : Arrays.asList((String[]) tags.getArray());
        Instant metadataUpdatedAt = Timestamps.read(rs, "metadata_updated_at");
        SeFileMetadata metadata = new SeFileMetadata(
                rs.getObject("file_id", UUID.class),
                rs.getString("original_filename"),
                rs.getString("content_type"),
                rs.getLong("size"),
                rs.getString("checksum"),
                rs.getString("uploaded_by"),
                Timestamps.read(rs, "uploaded_at"),
                rs.getString("description"),
                tagList,
                rs.getString("status"),
                rs.getString("retention_policy"),
                rs.getObject("ttl_days", Integer.class),
                Timestamps.read(rs, "expires_at"),
                null,
                null,
                metadataUpdatedAt != null ? metadataUpdatedAt : Timestamps.read(rs, "updated_at"));
        return new ClaimedFile(metadata, rs.getInt("replication_attempts"));
    }

    /** A claimed file: its registry metadata (as sent with a copy) and its failed attempts so far. */
    public record ClaimedFile(SeFileMetadata metadata, int attempts) {

        public UUID fileId() {
            return metadata.fileId();
        }

        public RetentionPolicy retentionPolicy() {
            return ContractValues.require(RetentionPolicy.class, "retention_policy", metadata.retentionPolicy());
        }
    }

    /** Registry-wide replication figures (the same on every replica). */
    public record Figures(long filesUnderReplicated, long filesWithoutHealthyCopy, long pendingCopies,
                          long oldestUnderReplicatedSeconds) {
    }
}
