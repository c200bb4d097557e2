package io.artstore.storage.attr;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.artstore.kernel.contract.FileStatus;
import io.artstore.kernel.contract.RetentionPolicy;

/**
 * Content of one {@code attr.json} sidecar: the contract's FileMetadata plus the name of
 * the data file on disk. The sidecar is the only source of truth about a file.
 */
public record FileAttributes(
        UUID fileId,
        String originalFilename,
        String contentType,
        long size,
        String checksum,
        String uploadedBy,
        Instant uploadedAt,
        String description,
        List<String> tags,
        FileStatus status,
        RetentionPolicy retentionPolicy,
        Integer ttlDays,
        Instant expiresAt,
        String storageFilename) {

    public FileAttributes {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    public FileAttributes withStatus(FileStatus newStatus) {
        return new FileAttributes(fileId, originalFilename, contentType, size, checksum, uploadedBy, uploadedAt,
                description, tags, newStatus, retentionPolicy, ttlDays, expiresAt, storageFilename);
    }

    public FileAttributes withDescriptionAndTags(String newDescription, List<String> newTags) {
        return new FileAttributes(fileId, originalFilename, contentType, size, checksum, uploadedBy, uploadedAt,
                newDescription, newTags, status, retentionPolicy, ttlDays, expiresAt, storageFilename);
    }

    /** True when a temporary file's TTL has run out at {@code now}. */
    public boolean isExpiredAt(Instant now) {
        return status == FileStatus.ACTIVE && expiresAt != null && !expiresAt.isAfter(now);
    }
}
