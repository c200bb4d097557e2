package io.artstore.storage.mode;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;

/** Contract ModeTransitionRequest. */
@Schema(name = "ModeTransitionRequest")
public record ModeTransitionRequest(
        @Schema(allowableValues = {"rw", "ro", "ar"}, requiredMode = Schema.RequiredMode.REQUIRED)
        @NotBlank(message = "is required") String targetMode,
        @Schema(description = "Required (true) for the rollback ro -> rw", defaultValue = "false") Boolean confirm) {
}
