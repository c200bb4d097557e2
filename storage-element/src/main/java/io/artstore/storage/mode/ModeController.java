package io.artstore.storage.mode;

import io.artstore.kernel.contract.StorageMode;
import io.artstore.kernel.error.ApiError;
import io.artstore.kernel.error.ApiException;
import io.artstore.kernel.security.RequiresScope;
import io.artstore.kernel.security.Scopes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Runtime mode changes (called by admin-module). */
@RestController
@Tag(name = "mode", description = "Operating mode")
public class ModeController {

    /** Contract ModeTransitionResponse. */
    @Schema(name = "ModeTransitionResponse")
    public record ModeTransitionResponse(StorageMode previousMode, StorageMode currentMode, java.time.Instant transitionedAt) {
    }

    private final ModeService modes;

    public ModeController(ModeService modes) {
        this.modes = modes;
    }

    @PostMapping(path = "/api/v1/mode/transition", consumes = MediaType.APPLICATION_JSON_VALUE)
    @RequiresScope(Scopes.STORAGE_WRITE)
    @Operation(summary = "Change the mode", description = "rw -> ro, ro -> ar, and ro -> rw with confirm: true. "
            + "edit is isolated; everything else is INVALID_TRANSITION.",
            security = @SecurityRequirement(name = "bearerAuth", scopes = Scopes.STORAGE_WRITE))
    @ApiResponse(responseCode = "200", description = "Changed")
    @ApiResponse(responseCode = "400", description = "Unknown target mode", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "409", description = "INVALID_TRANSITION or CONFIRMATION_REQUIRED",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public ModeTransitionResponse transition(@Valid @RequestBody ModeTransitionRequest request) {
        StorageMode target = StorageMode.parse(request.targetMode())
                .orElseThrow(() -> ApiException.validation("target_mode: must be one of rw, ro, ar"));
        ModeService.Transition done = modes.transition(target, Boolean.TRUE.equals(request.confirm()));
        return new ModeTransitionResponse(done.previousMode(), done.currentMode(), done.transitionedAt());
    }
}
