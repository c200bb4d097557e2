package io.artstore.ingester.upload;

import io.artstore.kernel.contract.RetentionPolicy;
import io.artstore.kernel.error.ApiError;
import io.artstore.kernel.security.RequiresScope;
import io.artstore.kernel.security.Scopes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Encoding;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The upload entry point of ArtStore. */
@RestController
@Tag(name = "upload", description = "Streaming file upload")
public class UploadController {

    private final UploadService uploads;

    public UploadController(UploadService uploads) {
        this.uploads = uploads;
    }

    @PostMapping(path = "/api/v1/files/upload")
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresScope(Scopes.FILES_WRITE)
    @Operation(summary = "Upload a file",
            description = "Streams the file to a storage element chosen by retention policy (temporary → an edit SE, "
                    + "permanent → an rw SE) and registers it. The caller's token subject becomes uploaded_by. "
                    + "Part order: the form fields (description, tags, retention_policy, ttl_days) must come before "
                    + "the file part, which must be the last part. A field or a second file after the file part is "
                    + "refused with 400 VALIDATION_ERROR naming it, and nothing of that request is stored or registered. "
                    + "The upload is acknowledged once the first copy is durable on its storage element and registered: "
                    + "the answer says copies = 1 and, when admin-module reports it, copies_wanted (the registry's copy "
                    + "policy); admin-module's replication makes the further copies afterwards.",
            security = @SecurityRequirement(name = "bearerAuth", scopes = Scopes.FILES_WRITE),
            requestBody = @RequestBody(required = true, content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
                    schema = @Schema(implementation = UploadFormSchema.class),
                    encoding = @Encoding(name = "file", contentType = "application/octet-stream"))))
    @ApiResponse(responseCode = "201", description = "Stored (first copy durable) and registered",
            content = @Content(schema = @Schema(implementation = UploadResponse.class)))
    @ApiResponse(responseCode = "400", description = "VALIDATION_ERROR: invalid, unknown or repeated form fields, "
            + "missing file, or a part after the file (form fields must come before the file)", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "413", description = "FILE_TOO_LARGE", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "415", description = "Not multipart/form-data", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "502", description = "SE_UNAVAILABLE (SE failed) or ADMIN_UNAVAILABLE (stored, not registered; message names the file_id)",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "507", description = "STORAGE_FULL or NO_STORAGE_AVAILABLE", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public UploadResponse upload(HttpServletRequest request, @AuthenticationPrincipal Jwt caller) {
        return uploads.upload(request, caller.getSubject());
    }

    /** Documentation of the multipart form. */
    @Schema(name = "UploadForm", requiredProperties = "file")
    record UploadFormSchema(
            @Schema(description = "Description, at most 1000 characters") String description,
            @Schema(description = "Tags as a JSON array of strings", example = "[\"logo\",\"draft\"]") String tags,
            @Schema(defaultValue = "temporary") RetentionPolicy retentionPolicy,
            @Schema(minimum = "1", maximum = "365", defaultValue = "30", description = "Only for temporary files") Integer ttlDays,
            @Schema(type = "string", format = "binary", description = "The file: the last part, after all form fields") String file) {
    }
}
