package io.artstore.storage.attr;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.artstore.kernel.contract.CopyStatus;
import io.artstore.kernel.contract.FileStatus;
import io.artstore.kernel.contract.RetentionPolicy;

/**
 * Content of one {@code attr.json} sidecar: the contract's FileMetadata plus the name of
 * the data file on disk. The sidecar is the only source of truth about a file.
 *
 * @param copyStatus {@code ok}, or {@code corrupt} once the scrub found the bytes damaged (never
 *                   served again); absent in sidecars written before copies existed, meaning ok
 * @param verifiedAt when the bytes last matched the checksum (absent: not yet verified)
 * @param updatedAt  when this metadata last changed (absent in older sidecars): the newest
 *                   sidecar wins among the copies of one file
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
        String storageFilename,
        @JsonInclude(JsonInclude.Include.NON_NULL) CopyStatus copyStatus,
        @JsonInclude(JsonInclude.Include.NON_NULL) Instant verifiedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) Instant updatedAt) {

    public FileAttributes {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** Whether the scrub found this copy's bytes damaged. */
    public boolean corrupt() {
        return copyStatus == CopyStatus.CORRUPT;
    }

    public FileAttributes withStatus(FileStatus newStatus) {
        return new FileAttributes(fileId, originalFilename, contentType, size, checksum, uploadedBy, uploadedAt,
                description, tags, newStatus, retentionPolicy, ttlDays, expiresAt, storageFilename, copyStatus, verifiedAt,
                updatedAt);
    }

    public FileAttributes withDescriptionAndTags(String newDescription, List<String> newTags) {
        return new FileAttributes(fileId, originalFilename, contentType, size, checksum, uploadedBy, uploadedAt,
                newDescription, newTags, status, retentionPolicy, ttlDays, expiresAt, storageFilename, copyStatus,
                verifiedAt, updatedAt);
    }

    public FileAttributes withVerifiedAt(Instant newVerifiedAt) {
        return new FileAttributes(fileId, originalFilename, contentType, size, checksum, uploadedBy, uploadedAt,
                description, tags, status, retentionPolicy, ttlDays, expiresAt, storageFilename, copyStatus,
                newVerifiedAt, updatedAt);
    }

    public FileAttributes withCopyStatus(CopyStatus newCopyStatus, Instant newUpdatedAt) {
        return new FileAttributes(fileId, originalFilename, contentType, size, checksum, uploadedBy, uploadedAt,
                description, tags, status, retentionPolicy, ttlDays, expiresAt, storageFilename, newCopyStatus,
                verifiedAt, newUpdatedAt);
    }

    /** True when a temporary file's TTL has run out at {@code now}. */
    public boolean isExpiredAt(Instant now) {
        return status == FileStatus.ACTIVE && expiresAt != null && !expiresAt.isAfter(now);
    }
}
