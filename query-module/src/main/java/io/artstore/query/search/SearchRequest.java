package io.artstore.query.search;

import java.time.OffsetDateTime;
import java.util.List;

import io.artstore.kernel.contract.FileStatus;
import io.artstore.kernel.contract.RetentionPolicy;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/v1/search}. Every field is optional; absent fields take the
 * defaults below (the compact constructor fills them in), so an empty object lists active
 * files, newest first.
 */
@Schema(name = "SearchRequest", description = "Search criteria; every field is optional. "
        + "Without any filter, all active files are returned, page by page.")
public record SearchRequest(
        @Schema(description = "Search text: the whole file name (exact), a substring of it (partial), "
                + "or words looked up in file name, description and tags (fulltext)", maxLength = 500,
                example = "annual report")
        @Size(max = 500) String query,

        @Schema(description = "Substring of the file name (case-insensitive)", maxLength = 255, example = "logo")
        @Size(max = 255) String filename,

        @Schema(description = "File extension, without the dot (case-insensitive)", maxLength = 10, example = "pdf")
        @Size(max = 10) String fileExtension,

        @ArraySchema(arraySchema = @Schema(description = "Files must carry every one of these tags"), maxItems = 50,
                schema = @Schema(example = "report"))
        @Size(max = 50) List<@NotBlank @Size(max = 255) String> tags,

        @Schema(description = "Uploader (token subject), exact match", maxLength = 255, example = "sa_ingester_a1b2c3")
        @Size(max = 255) String uploadedBy,

        @Schema(description = "Retention policy filter") RetentionPolicy retentionPolicy,

        @Schema(description = "Status filter", defaultValue = "active") FileStatus status,

        @Schema(description = "Minimum size in bytes (inclusive)", minimum = "0", example = "1024")
        @PositiveOrZero Long minSize,

        @Schema(description = "Maximum size in bytes (inclusive); not below min_size", minimum = "0", example = "10485760")
        @PositiveOrZero Long maxSize,

        @Schema(description = "Uploaded at or after this instant (RFC 3339)", example = "2026-01-01T00:00:00Z")
        OffsetDateTime uploadedAfter,

        @Schema(description = "Uploaded at or before this instant (RFC 3339); not before uploaded_after",
                example = "2026-02-21T23:59:59Z")
        OffsetDateTime uploadedBefore,

        @Schema(description = "How query is matched", defaultValue = "partial") SearchMode mode,

        @Schema(description = "Page size", minimum = "1", maximum = "1000", defaultValue = "100")
        @Min(value = 1, message = "must be between 1 and 1000")
        @Max(value = 1000, message = "must be between 1 and 1000") Integer limit,

        @Schema(description = "Number of results to skip", minimum = "0", defaultValue = "0")
        @PositiveOrZero Integer offset,

        @Schema(description = "Sort key; relevance applies to fulltext searches with a query (elsewhere uploaded_at)",
                defaultValue = "uploaded_at") SortField sortBy,

        @Schema(description = "Sort direction", defaultValue = "desc") SortOrder sortOrder) {

    public static final int DEFAULT_LIMIT = 100;

    public SearchRequest {
        status = status == null ? FileStatus.ACTIVE : status;
        mode = mode == null ? SearchMode.PARTIAL : mode;
        limit = limit == null ? DEFAULT_LIMIT : limit;
        offset = offset == null ? 0 : offset;
        sortBy = sortBy == null ? SortField.UPLOADED_AT : sortBy;
        sortOrder = sortOrder == null ? SortOrder.DESC : sortOrder;
        tags = tags == null ? List.of() : tags;
    }

    /** The search text, or {@code null} when none was given (blank counts as none). */
    public String queryText() {
        return query == null || query.isBlank() ? null : query.strip();
    }
}
