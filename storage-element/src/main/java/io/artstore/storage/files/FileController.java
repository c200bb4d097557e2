package io.artstore.storage.files;

import java.io.IOException;
import java.net.URI;
import java.util.UUID;

import io.artstore.kernel.contract.ContractValues;
import io.artstore.kernel.contract.FileStatus;
import io.artstore.kernel.contract.RetentionPolicy;
import io.artstore.kernel.error.ApiError;
import io.artstore.kernel.paging.Page;
import io.artstore.kernel.paging.PageQuery;
import io.artstore.kernel.security.RequiresScope;
import io.artstore.kernel.security.Scopes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** File endpoints: upload, copy (replication), list, metadata, metadata update, soft delete, download. */
@RestController
@RequestMapping("/api/v1/files")
@Tag(name = "files", description = "Stored files")
public class FileController {

    private final UploadService uploads;
    private final FileService files;
    private final DownloadService downloads;
    private final CopyService copies;

    public FileController(UploadService uploads, FileService files, DownloadService downloads, CopyService copies) {
        this.uploads = uploads;
        this.files = files;
        this.downloads = downloads;
        this.copies = copies;
    }

    /** Documentation-only shape of the multipart upload body. */
    @Schema(name = "UploadForm")
    record UploadFormDoc(
            @Schema(type = "string", format = "binary", requiredMode = Schema.RequiredMode.REQUIRED) String file,
            @Schema(maxLength = 1000) String description,
            @Schema(description = "JSON array of strings", example = "[\"logo\",\"draft\"]") String tags,
            @Schema(description = "Default: temporary on an edit SE, permanent otherwise") RetentionPolicy retentionPolicy,
            @Schema(minimum = "1", maximum = "365", description = "Temporary files only; default 30") Integer ttlDays) {
    }

    @PostMapping(path = "/upload", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @RequiresScope(Scopes.FILES_WRITE)
    @Operation(summary = "Upload a file", description = "Streams a multipart/form-data upload to disk under the WAL, "
            + "computing SHA-256 on the way. Allowed in modes edit and rw.",
            security = @SecurityRequirement(name = "bearerAuth", scopes = Scopes.FILES_WRITE),
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.MULTIPART_FORM_DATA_VALUE, schema = @Schema(implementation = UploadFormDoc.class))))
    @ApiResponse(responseCode = "201", description = "Stored")
    @ApiResponse(responseCode = "400", description = "Missing file part or invalid fields",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "409", description = "MODE_NOT_ALLOWED", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "413", description = "FILE_TOO_LARGE", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "415", description = "Not multipart/form-data", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "507", description = "STORAGE_FULL", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public ResponseEntity<FileMetadata> upload(HttpServletRequest request, Authentication authentication) {
        boolean serviceAccount = !(authentication.getPrincipal() instanceof Jwt jwt) || jwt.getClaimAsString("role") == null;
        FileMetadata stored = FileMetadata.of(uploads.upload(request, new Uploader(authentication.getName(), serviceAccount)));
        return ResponseEntity.created(URI.create("/api/v1/files/" + stored.fileId())).body(stored);
    }

    /** Documentation-only shape of the multipart copy body. */
    @Schema(name = "CopyForm")
    record CopyFormDoc(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The original's FileMetadata as JSON "
                    + "(file_id equal to the path's, status active); copy_status and verified_at are ignored. "
                    + "Must come before the file part.") String metadata,
            @Schema(type = "string", format = "binary", requiredMode = Schema.RequiredMode.REQUIRED) String file) {
    }

    @PostMapping(path = "/{file_id}/copy", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @RequiresScope(Scopes.STORAGE_WRITE)
    @Operation(summary = "Store a copy of a file", description = "For admin-module's replication: stores the file "
            + "under the given id with the original's metadata. The bytes are hashed on the way and their size and "
            + "SHA-256 compared with the metadata before anything becomes visible (WAL-guarded; a mismatch keeps "
            + "nothing). The same id with the same checksum already here answers 200; a copy this SE marked corrupt "
            + "is replaced. Allowed in modes edit and rw.",
            security = @SecurityRequirement(name = "bearerAuth", scopes = Scopes.STORAGE_WRITE),
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.MULTIPART_FORM_DATA_VALUE, schema = @Schema(implementation = CopyFormDoc.class))))
    @ApiResponse(responseCode = "201", description = "Stored (copy_status ok, verified_at now)")
    @ApiResponse(responseCode = "200", description = "Already stored with the same checksum; nothing rewritten")
    @ApiResponse(responseCode = "400", description = "Missing or invalid metadata (file_id not the path's, status not "
            + "active), metadata after the file, missing file part", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "409", description = "MODE_NOT_ALLOWED, or CONFLICT: stored here with another checksum",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "413", description = "FILE_TOO_LARGE", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "415", description = "Not multipart/form-data", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "422", description = "CHECKSUM_MISMATCH: size or SHA-256 of the bytes differ; nothing kept",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "507", description = "STORAGE_FULL", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public ResponseEntity<FileMetadata> copy(@PathVariable("file_id") UUID fileId, HttpServletRequest request) {
        CopyService.Result result = copies.receive(fileId, request);
        FileMetadata stored = FileMetadata.of(result.file());
        return result.created()
                ? ResponseEntity.created(URI.create("/api/v1/files/" + fileId)).body(stored)
                : ResponseEntity.ok(stored);
    }

    @GetMapping
    @RequiresScope(Scopes.FILES_READ)
    @Operation(summary = "List files", description = "Paged listing in upload order, optionally filtered by status. "
            + "Allowed in every mode.", security = @SecurityRequirement(name = "bearerAuth", scopes = Scopes.FILES_READ))
    @ApiResponse(responseCode = "200", description = "One page of files")
    @ApiResponse(responseCode = "400", description = "Invalid paging or status", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Page<FileMetadata> list(@Valid @ParameterObject PageQuery page,
                                   @Parameter(description = "Filter by status", schema = @Schema(allowableValues = {"active", "expired", "deleted"}))
                                   @RequestParam(required = false) String status) {
        FileStatus filter = status == null ? null : ContractValues.require(FileStatus.class, "status", status);
        return files.list(filter, page).map(FileMetadata::of);
    }

    @GetMapping("/{file_id}")
    @RequiresScope(Scopes.FILES_READ)
    @Operation(summary = "File metadata", description = "Allowed in every mode.",
            security = @SecurityRequirement(name = "bearerAuth", scopes = Scopes.FILES_READ))
    @ApiResponse(responseCode = "200", description = "Metadata")
    @ApiResponse(responseCode = "404", description = "No such file", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public FileMetadata get(@PathVariable("file_id") UUID fileId) {
        return FileMetadata.of(files.get(fileId));
    }

    @PatchMapping(path = "/{file_id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @RequiresScope(Scopes.FILES_WRITE)
    @Operation(summary = "Update description and/or tags", description = "Only the given fields change; tags are "
            + "replaced as a whole. Allowed in modes edit and rw.",
            security = @SecurityRequirement(name = "bearerAuth", scopes = Scopes.FILES_WRITE))
    @ApiResponse(responseCode = "200", description = "Updated metadata")
    @ApiResponse(responseCode = "400", description = "Invalid body", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "404", description = "No such file", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "409", description = "MODE_NOT_ALLOWED, or the file is deleted/expired",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public FileMetadata update(@PathVariable("file_id") UUID fileId, @Valid @RequestBody FileMetadataUpdate update) {
        return FileMetadata.of(files.update(fileId, update));
    }

    @DeleteMapping("/{file_id}")
    @RequiresScope(Scopes.FILES_WRITE)
    @Operation(summary = "Soft-delete a file", description = "Marks the file deleted; GC removes it from disk later. "
            + "Allowed in mode edit only.", security = @SecurityRequirement(name = "bearerAuth", scopes = Scopes.FILES_WRITE))
    @ApiResponse(responseCode = "204", description = "Marked deleted")
    @ApiResponse(responseCode = "404", description = "No such file", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "409", description = "MODE_NOT_ALLOWED", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public ResponseEntity<Void> delete(@PathVariable("file_id") UUID fileId) {
        files.delete(fileId);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{file_id}/download")
    @RequiresScope(Scopes.FILES_READ)
    @Operation(summary = "Download a file", description = "Streams the content. Supports one byte range "
            + "(bytes=a-b, a-, -n), If-None-Match and If-Range. Allowed in modes edit, rw and ro.",
            security = @SecurityRequirement(name = "bearerAuth", scopes = Scopes.FILES_READ),
            parameters = {
                    @Parameter(name = HttpHeaders.RANGE, in = ParameterIn.HEADER, example = "bytes=0-1048575"),
                    @Parameter(name = HttpHeaders.IF_NONE_MATCH, in = ParameterIn.HEADER),
                    @Parameter(name = HttpHeaders.IF_RANGE, in = ParameterIn.HEADER)})
    @ApiResponse(responseCode = "200", description = "Whole file",
            content = @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM_VALUE, schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "206", description = "The requested range, with Content-Range",
            content = @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM_VALUE, schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "304", description = "If-None-Match matched the ETag")
    @ApiResponse(responseCode = "404", description = "No such file", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "409", description = "MODE_NOT_ALLOWED, or COPY_CORRUPT: the scrub found this copy damaged", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "416", description = "RANGE_NOT_SATISFIABLE (outside the file) or INVALID_RANGE (malformed); "
            + "Content-Range: bytes */size", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public void download(@PathVariable("file_id") UUID fileId,
                         @RequestHeader(name = HttpHeaders.RANGE, required = false) String range,
                         @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
                         @RequestHeader(name = HttpHeaders.IF_RANGE, required = false) String ifRange,
                         HttpServletResponse response) throws IOException {
        downloads.download(fileId, new DownloadService.Conditions(range, ifNoneMatch, ifRange), response);
    }
}
