package io.artstore.storage.scrub;

import io.artstore.kernel.error.ApiError;
import io.artstore.kernel.security.RequiresScope;
import io.artstore.kernel.security.Scopes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Fixity scrub: start a pass now, or see how the current or last one stands. */
@RestController
@Tag(name = "maintenance", description = "Maintenance and diagnostics")
public class ScrubController {

    private final Scrubber scrubber;

    public ScrubController(Scrubber scrubber) {
        this.scrubber = scrubber;
    }

    @PostMapping("/api/v1/maintenance/scrub")
    @RequiresScope(Scopes.STORAGE_WRITE)
    @Operation(summary = "Start a scrub pass now", description = "Verifies the SHA-256 and size of every active "
            + "file at no more than SE_SCRUB_RATE bytes/s, in the background; damaged copies are marked corrupt. "
            + "An interrupted pass is resumed where it stopped.",
            security = @SecurityRequirement(name = "bearerAuth", scopes = Scopes.STORAGE_WRITE))
    @ApiResponse(responseCode = "202", description = "Pass started; its status")
    @ApiResponse(responseCode = "409", description = "SCRUB_IN_PROGRESS", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public ResponseEntity<ScrubStatus> start() {
        return ResponseEntity.accepted().body(scrubber.start());
    }

    @GetMapping("/api/v1/maintenance/scrub")
    @RequiresScope(Scopes.STORAGE_READ)
    @Operation(summary = "Scrub progress", description = "The running pass, or the last one.",
            security = @SecurityRequirement(name = "bearerAuth", scopes = Scopes.STORAGE_READ))
    @ApiResponse(responseCode = "200", description = "Status")
    public ScrubStatus status() {
        return scrubber.status();
    }
}
