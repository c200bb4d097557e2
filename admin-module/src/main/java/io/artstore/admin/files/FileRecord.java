package io.artstore.admin.files;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A row of the file registry ({@code files}). */
public record FileRecord(
        UUID fileId,
        String originalFilename,
        String contentType,
        long size,
        String checksum,
        UUID storageElementId,
        String storageFilename,
        String uploadedBy,
        Instant uploadedAt,
        String description,
        List<String> tags,
        String status,
        String retentionPolicy,
        Integer ttlDays,
        Instant expiresAt,
        Instant createdAt,
        Instant updatedAt) {
}
