package io.artstore.admin.files;

import java.util.UUID;

import io.artstore.kernel.contract.FileStatus;
import io.artstore.kernel.contract.RetentionPolicy;
import io.artstore.kernel.error.ApiError;
import io.artstore.kernel.openapi.OpenApiAutoConfiguration;
import io.artstore.kernel.paging.Page;
import io.artstore.kernel.paging.PageQuery;
import io.artstore.kernel.security.RequiresScope;
import io.artstore.kernel.security.Scopes;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The file registry. Reads need files:read, changes files:write. */
@RestController
@RequestMapping("/api/v1/files")
@Tag(name = "files", description = "File registry (secondary index of the SEs' attr.json files)")
@SecurityRequirement(name = OpenApiAutoConfiguration.BEARER)
public class FileController {

    private final FileService service;
    private final CopyCounts copyCounts;

    public FileController(FileService service, CopyCounts copyCounts) {
        this.service = service;
        this.copyCounts = copyCounts;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresScope(Scopes.FILES_WRITE)
    @Operation(summary = "Register a file",
            description = "Called by the ingester after a successful upload to an SE. Accepts two optional fields "
                    + "beyond the contract: uploaded_by (the end user; default the caller's token subject) and "
                    + "uploaded_at (the SE's upload time; default now). ttl_days is required for temporary files, "
                    + "expires_at = uploaded_at + ttl_days.")
    @ApiResponse(responseCode = "201", description = "Registered")
    @ApiResponse(responseCode = "400", description = "Invalid request or unknown storage element",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "409", description = "File id already registered (CONFLICT)",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public FileDtos.View register(@Valid @RequestBody FileDtos.Register request, Authentication caller) {
        return FileDtos.View.of(service.register(request, caller.getName()), copyCounts);
    }

    @GetMapping
    @RequiresScope(Scopes.FILES_READ)
    @Operation(summary = "List files", description = "Paged, newest upload first, with optional filters.")
    @ApiResponse(responseCode = "200", description = "One page of files")
    @ApiResponse(responseCode = "400", description = "Invalid filter or paging",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Page<FileDtos.View> list(
            @Valid @ParameterObject PageQuery page,
            @Parameter(description = "Filter by status", schema = @Schema(implementation = FileStatus.class))
            @RequestParam(required = false) String status,
            @Parameter(name = "retention_policy", description = "Filter by retention policy",
                    schema = @Schema(implementation = RetentionPolicy.class))
            @RequestParam(name = "retention_policy", required = false) String retentionPolicy,
            @Parameter(name = "storage_element_id",
                    description = "Filter by storage element: files first stored there or with a copy there")
            @RequestParam(name = "storage_element_id", required = false) UUID storageElementId,
            @Parameter(name = "uploaded_by", description = "Filter by uploader")
            @RequestParam(name = "uploaded_by", required = false) String uploadedBy) {
        return service.list(FileFilter.of(status, retentionPolicy, storageElementId, uploadedBy), page)
                .map(f -> FileDtos.View.of(f, copyCounts));
    }

    @GetMapping("/{file_id}")
    @RequiresScope(Scopes.FILES_READ)
    @Operation(summary = "Get a file's registry record")
    @ApiResponse(responseCode = "200", description = "The file")
    @ApiResponse(responseCode = "404", description = "Not registered",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public FileDtos.View get(@PathVariable("file_id") UUID fileId) {
        return FileDtos.View.of(service.get(fileId), copyCounts);
    }

    @PutMapping("/{file_id}")
    @RequiresScope(Scopes.FILES_WRITE)
    @Operation(summary = "Update a file's metadata",
            description = "description and tags are written to the attr.json of every SE holding a copy that is "
                    + "not missing, then to the registry (metadata_updated_at = now). An SE that is down or refuses is "
                    + "skipped (the sync brings it up to date later) as long as one SE took the change; when none "
                    + "did, the first SE's answer is passed through (409 for a deleted file or MODE_NOT_ALLOWED, 502). "
                    + "status changes only the registry row (for example after the SE lost the file); the next sync "
                    + "takes the SEs' status again.")
    @ApiResponse(responseCode = "200", description = "Updated")
    @ApiResponse(responseCode = "400", description = "Invalid request",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "404", description = "Not registered",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "409", description = "Refused by the SE",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "502", description = "SE unreachable (SE_UNAVAILABLE)",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public FileDtos.View update(@PathVariable("file_id") UUID fileId, @Valid @RequestBody FileDtos.Update request) {
        return FileDtos.View.of(service.update(fileId, request), copyCounts);
    }

    @DeleteMapping("/{file_id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @RequiresScope(Scopes.FILES_WRITE)
    @Operation(summary = "Soft-delete a file",
            description = "Soft-deletes the file on every SE holding a copy that is not missing (their GC removes "
                    + "the data later) and marks the row deleted. An SE that is down is skipped (the sync deletes "
                    + "there later) as long as one SE took the delete; otherwise the first SE's answer is passed "
                    + "through. Idempotent. SEs refuse deletes outside edit mode (409 MODE_NOT_ALLOWED).")
    @ApiResponse(responseCode = "204", description = "Marked deleted")
    @ApiResponse(responseCode = "404", description = "Not registered",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "409", description = "Refused by the SE (MODE_NOT_ALLOWED)",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "502", description = "SE unreachable (SE_UNAVAILABLE)",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public void delete(@PathVariable("file_id") UUID fileId) {
        service.delete(fileId);
    }
}
