package io.artstore.storage.files;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.artstore.kernel.contract.CopyStatus;
import io.artstore.kernel.contract.FileStatus;
import io.artstore.kernel.contract.RetentionPolicy;
import io.artstore.storage.attr.FileAttributes;
import io.swagger.v3.oas.annotations.media.Schema;

/** Contract FileMetadata: the sidecar without the internal storage file name. */
@Schema(name = "FileMetadata", description = "Metadata of a stored file (the attr.json sidecar)")
@JsonInclude(JsonInclude.Include.ALWAYS)
public record FileMetadata(
        @Schema(format = "uuid") UUID fileId,
        @Schema(description = "Name of the file as uploaded") String originalFilename,
        @Schema(example = "image/jpeg") String contentType,
        @Schema(description = "Size in bytes") long size,
        @Schema(description = "SHA-256 of the content, hex") String checksum,
        @Schema(description = "JWT subject of the uploader") String uploadedBy,
        Instant uploadedAt,
        @Schema(nullable = true, maxLength = 1000) String description,
        List<String> tags,
        FileStatus status,
        RetentionPolicy retentionPolicy,
        @Schema(nullable = true, minimum = "1", maximum = "365") Integer ttlDays,
        @Schema(nullable = true) Instant expiresAt,
        @Schema(description = "ok, or corrupt once the scrub found this copy's bytes damaged (never served)",
                allowableValues = {"ok", "corrupt"}) CopyStatus copyStatus,
        @Schema(nullable = true, description = "When the bytes last matched the checksum") Instant verifiedAt,
        @Schema(nullable = true, description = "When the metadata last changed; the newest copy wins") Instant updatedAt) {

    public static FileMetadata of(FileAttributes a) {
        return new FileMetadata(a.fileId(), a.originalFilename(), a.contentType(), a.size(), a.checksum(),
                a.uploadedBy(), a.uploadedAt(), a.description(), a.tags(), a.status(), a.retentionPolicy(),
                a.ttlDays(), a.expiresAt(), a.copyStatus() == null ? CopyStatus.OK : a.copyStatus(), a.verifiedAt(),
                a.updatedAt());
    }
}
