package io.artstore.query.support;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One row of admin-module's {@code files} table, as tests write it. */
public record RegistryFile(UUID fileId, String originalFilename, String contentType, long size, String checksum,
                           UUID storageElementId, String uploadedBy, Instant uploadedAt, String description,
                           List<String> tags, String status, String retentionPolicy, Integer ttlDays,
                           Instant expiresAt) {

    public static RegistryFile active(UUID storageElementId, String filename, String description, String... tags) {
        Instant uploaded = Instant.parse("2026-01-15T10:00:00Z");
        return new RegistryFile(UUID.randomUUID(), filename, "application/octet-stream", 1024,
                "0".repeat(64), storageElementId, "sa_fixture", uploaded, description, List.of(tags), "active",
                "permanent", null, null);
    }

    public RegistryFile withStatus(String value) {
        return new RegistryFile(fileId, originalFilename, contentType, size, checksum, storageElementId, uploadedBy,
                uploadedAt, description, tags, value, retentionPolicy, ttlDays, expiresAt);
    }

    public RegistryFile withContent(String type, long bytes, String sha256) {
        return new RegistryFile(fileId, originalFilename, type, bytes, sha256, storageElementId, uploadedBy,
                uploadedAt, description, tags, status, retentionPolicy, ttlDays, expiresAt);
    }

    public RegistryFile withId(UUID id) {
        return new RegistryFile(id, originalFilename, contentType, size, checksum, storageElementId, uploadedBy,
                uploadedAt, description, tags, status, retentionPolicy, ttlDays, expiresAt);
    }
}
