package io.artstore.storage.reconcile;

import io.artstore.kernel.error.ApiError;
import io.artstore.kernel.security.RequiresScope;
import io.artstore.kernel.security.Scopes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Manual reconcile run. */
@RestController
@Tag(name = "maintenance", description = "Maintenance and diagnostics")
public class ReconcileController {

    private final ReconcileService reconcile;

    public ReconcileController(ReconcileService reconcile) {
        this.reconcile = reconcile;
    }

    @PostMapping("/api/v1/maintenance/reconcile")
    @RequiresScope(Scopes.STORAGE_WRITE)
    @Operation(summary = "Reconcile sidecars with data files", description = "Finds orphaned files, missing files, "
            + "orphaned sidecars and size mismatches, and rebuilds the index. Reads no file contents: checksums are "
            + "verified by the scrub (checksum_mismatches stays 0).",
            security = @SecurityRequirement(name = "bearerAuth", scopes = Scopes.STORAGE_WRITE))
    @ApiResponse(responseCode = "200", description = "Report")
    @ApiResponse(responseCode = "409", description = "RECONCILE_IN_PROGRESS", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public ReconcileReport reconcile() {
        return reconcile.run();
    }
}
