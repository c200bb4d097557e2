package io.artstore.kernel.error;

import io.swagger.v3.oas.annotations.media.Schema;

/** The one error body of ArtStore: {@code {"error":{"code":"...","message":"..."}}}. */
@Schema(name = "ErrorResponse", description = "Common error format of every ArtStore service")
public record ApiError(Detail error) {

    public static ApiError of(ErrorCode code, String message) {
        return new ApiError(new Detail(code.name(), message));
    }

    @Schema(name = "ErrorDetail")
    public record Detail(
            @Schema(description = "Machine-readable code in UPPER_SNAKE_CASE", example = "VALIDATION_ERROR") String code,
            @Schema(description = "Human-readable explanation", example = "limit must be between 1 and 1000") String message) {
    }
}
