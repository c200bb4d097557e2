package io.artstore.ui.files;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import io.artstore.kernel.contract.FileStatus;
import io.artstore.kernel.contract.RetentionPolicy;

/**
 * A file of the registry (all fields of the contract's FileRecord). {@code copiesWanted} and
 * {@code copies} are null when admin-module does not report copies (an older one).
 */
public record FileRecord(String fileId, String originalFilename, String contentType, Long size, String checksum,
                         String storageElementId, String uploadedBy, Instant uploadedAt, String description,
                         List<String> tags, String status, String retentionPolicy, Integer ttlDays,
                         Instant expiresAt, Instant createdAt, Instant updatedAt, Integer copiesWanted,
                         List<FileCopy> copies) {

    /** The contract's file statuses and retention policies (shared-kernel's). */
    public static final List<String> STATUSES = Arrays.stream(FileStatus.values()).map(FileStatus::value).toList();
    public static final List<String> RETENTION_POLICIES = Arrays.stream(RetentionPolicy.values())
            .map(RetentionPolicy::value).toList();

    public FileRecord {
        tags = tags == null ? List.of() : List.copyOf(tags);
        copies = copies == null ? null : List.copyOf(copies);
    }
}
