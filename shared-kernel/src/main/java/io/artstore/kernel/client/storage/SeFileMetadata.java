package io.artstore.kernel.client.storage;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A file as a storage element describes it (contract FileMetadata, from its attr.json). */
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
        Instant expiresAt) {
}
