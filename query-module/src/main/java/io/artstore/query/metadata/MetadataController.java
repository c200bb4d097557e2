package io.artstore.query.metadata;

import java.util.UUID;

import io.artstore.kernel.error.ApiError;
import io.artstore.kernel.openapi.OpenApiAutoConfiguration;
import io.artstore.kernel.security.RequiresScope;
import io.artstore.kernel.security.Scopes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/files/{file_id}}: file metadata from the registry, through the cache. */
@RestController
@RequestMapping("/api/v1/files")
@Tag(name = "files", description = "File metadata and download")
@SecurityRequirement(name = OpenApiAutoConfiguration.BEARER, scopes = Scopes.FILES_READ)
public class MetadataController {

    private final MetadataService metadata;

    public MetadataController(MetadataService metadata) {
        this.metadata = metadata;
    }

    @GetMapping(path = "/{file_id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @RequiresScope(Scopes.FILES_READ)
    @Operation(operationId = "getFileMetadata", summary = "File metadata",
            description = "Metadata of one file from the shared registry, served from an in-memory cache "
                    + "(30-60 s). Any status is returned; the storage location is never shown. "
                    + "Needs files:read (or an admin/readonly user).")
    @ApiResponse(responseCode = "200", description = "The file's metadata")
    @ApiResponse(responseCode = "404", description = "No such file",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "503", description = "Search schema not ready yet",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public FileMetadata get(@Parameter(description = "File id (UUID)") @PathVariable("file_id") UUID fileId) {
        return metadata.get(fileId);
    }
}
