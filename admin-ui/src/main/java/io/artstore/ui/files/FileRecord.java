package io.artstore.ui.files;

import java.time.Instant;
import java.util.List;

/** A file of the registry (all fields of the contract's FileRecord). */
public record FileRecord(String fileId, String originalFilename, String contentType, Long size, String checksum,
                         String storageElementId, String uploadedBy, Instant uploadedAt, String description,
                         List<String> tags, String status, String retentionPolicy, Integer ttlDays,
                         Instant expiresAt, Instant createdAt, Instant updatedAt) {

    /** The contract's file statuses and retention policies. */
    public static final List<String> STATUSES = List.of("active", "expired", "deleted");
    public static final List<String> RETENTION_POLICIES = List.of("temporary", "permanent");

    public FileRecord {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
