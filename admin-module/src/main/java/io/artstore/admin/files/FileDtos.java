package io.artstore.admin.files;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.artstore.kernel.contract.CopyStatus;
import io.artstore.kernel.contract.FileStatus;
import io.artstore.kernel.contract.RetentionPolicy;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** Request and response bodies of the file-registry endpoints. */
public final class FileDtos {

    private FileDtos() {
    }

    @Schema(name = "FileRecord", description = "A file in the registry")
    public record View(
            UUID fileId,
            @Schema(example = "report.pdf") String originalFilename,
            @Schema(example = "application/pdf") String contentType,
            @Schema(description = "Size in bytes") long size,
            @Schema(description = "SHA-256, hex") String checksum,
            @Schema(description = "The storage element the file was first stored on; when that SE was removed from "
                    + "the registry, the SE of its first ok copy", nullable = true) UUID storageElementId,
            @Schema(description = "Who uploaded it (the uploader's token subject)") String uploadedBy,
            Instant uploadedAt,
            @Schema(nullable = true) String description,
            List<String> tags,
            @Schema(implementation = FileStatus.class) String status,
            @Schema(implementation = RetentionPolicy.class) String retentionPolicy,
            @Schema(description = "Retention in days (temporary files)", nullable = true) Integer ttlDays,
            @Schema(description = "When a temporary file expires", nullable = true) Instant expiresAt,
            @Schema(description = "When the row was registered") Instant createdAt,
            Instant updatedAt,
            @Schema(description = "How many ok copies the file should have (AM_COPIES_PERMANENT / AM_COPIES_TEMPORARY)",
                    example = "2") int copiesWanted,
            @ArraySchema(schema = @Schema(implementation = Copy.class)) List<Copy> copies) {

        static View of(FileRecord f, CopyCounts counts) {
            UUID storageElementId = f.storageElementId() != null ? f.storageElementId()
                    : f.copies().stream().filter(c -> CopyStatus.OK.value().equals(c.status()))
                            .map(FileCopy::storageElementId).findFirst().orElse(null);
            return new View(f.fileId(), f.originalFilename(), f.contentType(), f.size(), f.checksum(),
                    storageElementId, f.uploadedBy(), f.uploadedAt(), f.description(), f.tags(), f.status(),
                    f.retentionPolicy(), f.ttlDays(), f.expiresAt(), f.createdAt(), f.updatedAt(),
                    counts.wanted(f.retentionPolicy()), f.copies().stream().map(Copy::of).toList());
        }
    }

    @Schema(name = "FileCopy", description = "One copy of a file on a storage element")
    public record Copy(
            UUID storageElementId,
            @Schema(implementation = CopyStatus.class) String status,
            @Schema(description = "Last successful checksum check of the copy's bytes", nullable = true)
            Instant verifiedAt) {

        static Copy of(FileCopy copy) {
            return new Copy(copy.storageElementId(), copy.status(), copy.verifiedAt());
        }
    }

    @Schema(name = "FileRegisterRequest", description = "Registration of a file stored on an SE (sent by the ingester). "
            + "uploaded_by and uploaded_at extend the contract: the end user and the SE's upload time; when absent, "
            + "the caller's token subject and the current time are used.")
    public record Register(
            @Schema(description = "File id the SE assigned") @NotNull UUID fileId,
            @NotBlank @Size(max = 1000) String originalFilename,
            @NotBlank @Size(max = 255) String contentType,
            @NotNull @PositiveOrZero Long size,
            @Schema(description = "SHA-256, 64 hex digits")
            @NotNull @Pattern(regexp = "[0-9a-fA-F]{64}", message = "must be 64 hex digits (SHA-256)") String checksum,
            @NotNull UUID storageElementId,
            @Size(max = 1000) String description,
            @ArraySchema(schema = @Schema(example = "invoice")) @Size(max = 100) List<@NotBlank @Size(max = 200) String> tags,
            @NotNull RetentionPolicy retentionPolicy,
            @Schema(description = "Required for temporary files") @Min(1) @Max(365) Integer ttlDays,
            @Schema(description = "Extension: the end user who uploaded the file (default: the caller's token subject)")
            @Size(min = 1, max = 255) String uploadedBy,
            @Schema(description = "Extension: when the SE stored the file (default: now)") Instant uploadedAt) {
    }

    @Schema(name = "FileRecordUpdate", description = "Fields to change; at least one. Description and tags are written "
            + "to the SE's attr.json first (the source of truth), then to the registry.")
    public record Update(
            @Size(max = 1000) String description,
            @Size(max = 100) List<@NotBlank @Size(max = 200) String> tags,
            FileStatus status) {

        boolean empty() {
            return description == null && tags == null && status == null;
        }
    }
}
