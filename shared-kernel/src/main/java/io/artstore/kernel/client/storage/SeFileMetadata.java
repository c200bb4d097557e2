package io.artstore.kernel.client.storage;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A file as a storage element describes it (contract FileMetadata, from its attr.json).
 *
 * @param copyStatus {@code ok} or {@code corrupt} (the SE's scrub found its bytes damaged);
 *                   null from SEs that predate copies, meaning {@code ok}
 * @param verifiedAt when the SE last verified the bytes against the checksum (null: never)
 * @param updatedAt  when the sidecar's metadata last changed (null from older SEs): among
 *                   copies of one file, the newest wins
 */
public record SeFileMetadata(
        UUID fileId,
        String originalFilename,
        String contentType,
        long size,
        String checksum,
        String uploadedBy,
        Instant uploadedAt,
        String description,
        List<String> tags,
        String status,
        String retentionPolicy,
        Integer ttlDays,
        Instant expiresAt,
        String copyStatus,
        Instant verifiedAt,
        Instant updatedAt) {
}
