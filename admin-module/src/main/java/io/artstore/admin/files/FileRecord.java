package io.artstore.admin.files;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A row of the file registry ({@code files}) with its copies ({@code file_copies}, empty until loaded). */
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
        Instant updatedAt,
        List<FileCopy> copies) {

    FileRecord withCopies(List<FileCopy> loaded) {
        return new FileRecord(fileId, originalFilename, contentType, size, checksum, storageElementId, storageFilename,
                uploadedBy, uploadedAt, description, tags, status, retentionPolicy, ttlDays, expiresAt, createdAt,
                updatedAt, List.copyOf(loaded));
    }
}
