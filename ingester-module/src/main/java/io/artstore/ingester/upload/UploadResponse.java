package io.artstore.ingester.upload;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.artstore.kernel.client.storage.SeFileMetadata;
import io.artstore.kernel.contract.RetentionPolicy;
import io.swagger.v3.oas.annotations.media.Schema;

/** What the client learns about its stored file; no storage internals. */
@Schema(name = "UploadResponse")
public record UploadResponse(
        UUID fileId,
        String originalFilename,
        String contentType,
        long size,
        @Schema(description = "SHA-256 of the content, hex") String checksum,
        String uploadedBy,
        Instant uploadedAt,
        String description,
        List<String> tags,
        @Schema(allowableValues = "active") String status,
        @Schema(implementation = RetentionPolicy.class) String retentionPolicy,
        Integer ttlDays,
        Instant expiresAt) {

    static UploadResponse of(SeFileMetadata stored) {
        return new UploadResponse(stored.fileId(), stored.originalFilename(), stored.contentType(), stored.size(),
                stored.checksum(), stored.uploadedBy(), stored.uploadedAt(), stored.description(), stored.tags(),
                stored.status(), stored.retentionPolicy(), stored.ttlDays(), stored.expiresAt());
    }
}
