package io.artstore.kernel.paging;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * The paging part of a list request: bind it from query parameters with
 * {@code @Valid @ParameterObject PageQuery page}. Absent values take the defaults
 * (limit 100, offset 0); out-of-range values are a 400 {@code VALIDATION_ERROR}.
 */
public record PageQuery(
        @Parameter(description = "Page size, 1..1000", schema = @Schema(defaultValue = "100", minimum = "1", maximum = "1000"))
        @Min(value = 1, message = "must be between 1 and " + PageQuery.MAX_LIMIT)
        @Max(value = PageQuery.MAX_LIMIT, message = "must be between 1 and " + PageQuery.MAX_LIMIT)
        Integer limit,
        @Parameter(description = "Number of items to skip, >= 0", schema = @Schema(defaultValue = "0", minimum = "0"))
        @Min(value = 0, message = "must be greater than or equal to 0")
        Integer offset) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    public PageQuery {
        limit = limit == null ? DEFAULT_LIMIT : limit;
        offset = offset == null ? 0 : offset;
    }

    public static PageQuery of(int limit, int offset) {
        return new PageQuery(limit, offset);
    }
}
