package io.artstore.query.metadata;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.artstore.kernel.contract.FileStatus;
import io.artstore.kernel.contract.RetentionPolicy;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Public metadata of one file from the registry. Deliberately without the storage element
 * id, its URL or the on-disk file name: clients never learn where a file lives.
 */
@Schema(name = "FileMetadata", description = "Metadata of one file")
public record FileMetadata(
        @Schema(description = "File id", example = "550e8400-e29b-41d4-a716-446655440000") UUID fileId,
        @Schema(description = "Name the file was uploaded with", example = "annual_report_2025.pdf") String originalFilename,
        @Schema(description = "MIME type", example = "application/pdf") String contentType,
        @Schema(description = "Size in bytes", example = "5242880") long size,
        @Schema(description = "SHA-256 of the content, hex") String checksum,
        @Schema(description = "Uploader (token subject)", example = "sa_ingester_a1b2c3") String uploadedBy,
        @Schema(description = "Upload time (RFC 3339, UTC)") Instant uploadedAt,
        @Schema(description = "Free-text description", nullable = true) String description,
        @Schema(description = "Tags") List<String> tags,
        @Schema(description = "Registry status", implementation = FileStatus.class) String status,
        @Schema(description = "Retention policy", implementation = RetentionPolicy.class) String retentionPolicy,
        @Schema(description = "Days to keep (temporary files)", nullable = true) Integer ttlDays,
        @Schema(description = "When a temporary file expires (RFC 3339, UTC)", nullable = true) Instant expiresAt) {
}
