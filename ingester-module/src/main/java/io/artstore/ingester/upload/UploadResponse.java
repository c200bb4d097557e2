package io.artstore.ingester.upload;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.artstore.kernel.client.admin.RegisteredFile;
import io.artstore.kernel.client.storage.SeFileMetadata;
import io.artstore.kernel.contract.RetentionPolicy;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What the client learns about its stored file; no storage internals (copy counts, not the
 * storage elements holding them).
 */
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
        Instant expiresAt,
        @Schema(description = "Durable copies when the upload was acknowledged: 1, the copy on the storage element "
                + "that took the upload (the upload is answered once that copy is stored and registered); "
                + "admin-module's replication makes the others", example = "1", minimum = "1") int copies,
        @Schema(description = "How many copies the registry's copy policy wants for this file (AM_COPIES_PERMANENT, "
                + "AM_COPIES_TEMPORARY); absent when admin-module does not report it (an older admin-module, or the "
                + "file was registered by a sync first)", example = "2", requiredMode = Schema.RequiredMode.NOT_REQUIRED)
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer copiesWanted) {

    /**
     * The stored file with the registry's copy figures. The first copy is durable once the SE
     * answered, so the count is never below 1, even when admin-module says nothing of copies.
     */
    static UploadResponse of(SeFileMetadata stored, Optional<RegisteredFile> registered) {
        int copies = (int) Math.max(1, registered.map(RegisteredFile::okCopies).orElse(0L));
        Integer wanted = registered.map(RegisteredFile::copiesWanted).orElse(null);
        return new UploadResponse(stored.fileId(), stored.originalFilename(), stored.contentType(), stored.size(),
                stored.checksum(), stored.uploadedBy(), stored.uploadedAt(), stored.description(), stored.tags(),
                stored.status(), stored.retentionPolicy(), stored.ttlDays(), stored.expiresAt(), copies, wanted);
    }
}
