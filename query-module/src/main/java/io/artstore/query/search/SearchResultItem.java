package io.artstore.query.search;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.artstore.kernel.contract.FileStatus;
import io.artstore.kernel.contract.RetentionPolicy;
import io.artstore.query.metadata.FileMetadata;
import io.swagger.v3.oas.annotations.media.Schema;

/** One search hit: the file's public metadata and, for full-text searches, its relevance. */
@Schema(name = "SearchResultItem", description = "File metadata plus relevance_score (fulltext only)")
public record SearchResultItem(
        UUID fileId,
        String originalFilename,
        String contentType,
        long size,
        String checksum,
        String uploadedBy,
        Instant uploadedAt,
        @Schema(nullable = true) String description,
        List<String> tags,
        @Schema(implementation = FileStatus.class) String status,
        @Schema(implementation = RetentionPolicy.class) String retentionPolicy,
        @Schema(nullable = true) Integer ttlDays,
        @Schema(nullable = true) Instant expiresAt,
        @Schema(description = "Relevance 0.0..1.0 for fulltext searches with a query; null otherwise",
                nullable = true, minimum = "0", maximum = "1", example = "0.85") Double relevanceScore) {

    static SearchResultItem of(FileMetadata file, Double relevanceScore) {
        return new SearchResultItem(file.fileId(), file.originalFilename(), file.contentType(), file.size(),
                file.checksum(), file.uploadedBy(), file.uploadedAt(), file.description(), file.tags(), file.status(),
                file.retentionPolicy(), file.ttlDays(), file.expiresAt(), relevanceScore);
    }
}
