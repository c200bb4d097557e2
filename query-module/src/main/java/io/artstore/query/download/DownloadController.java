package io.artstore.query.download;

import java.util.UUID;

import io.artstore.kernel.error.ApiError;
import io.artstore.kernel.openapi.OpenApiAutoConfiguration;
import io.artstore.kernel.security.RequiresScope;
import io.artstore.kernel.security.Scopes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/files/{file_id}/download}: the download proxy. */
@RestController
@RequestMapping("/api/v1/files")
@Tag(name = "files", description = "File metadata and download")
@SecurityRequirement(name = OpenApiAutoConfiguration.BEARER, scopes = Scopes.FILES_READ)
public class DownloadController {

    private final DownloadProxy proxy;

    public DownloadController(DownloadProxy proxy) {
        this.proxy = proxy;
    }

    @GetMapping("/{file_id}/download")
    @RequiresScope(Scopes.FILES_READ)
    @Operation(operationId = "downloadFile", summary = "Download a file",
            description = "Streams the file from a storage element holding a healthy copy of it (the one that "
                    + "answered fastest recently, online ones first); storage element addresses are never revealed. "
                    + "Failover: when that storage element is unreachable or failing, no longer has its copy, or "
                    + "reports its copy corrupt, the next copy is tried, as long as nothing has been sent yet; a "
                    + "storage element failing after the first byte cuts the connection. Range, If-Range and "
                    + "If-None-Match are passed through, and the status (200, 206, 304, 416) and headers of the "
                    + "copy that answered come back. A copy that is not found is marked missing, a corrupt one "
                    + "corrupt; when no copy of the file is left, the file is marked deleted and the answer is 404. "
                    + "HEAD answers with the same status and headers and no body. "
                    + "Needs files:read (or an admin/readonly user).")
    @ApiResponse(responseCode = "200", description = "The whole file",
            headers = {
                    @Header(name = "Content-Disposition", description = "attachment; filename=...",
                            schema = @Schema(type = "string")),
                    @Header(name = "Accept-Ranges", schema = @Schema(type = "string", example = "bytes")),
                    @Header(name = "ETag", description = "Derived from the checksum", schema = @Schema(type = "string"))},
            content = @Content(mediaType = "application/octet-stream",
                    schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "206", description = "The requested range",
            headers = @Header(name = "Content-Range", schema = @Schema(type = "string", example = "bytes 0-1023/5242880")),
            content = @Content(mediaType = "application/octet-stream",
                    schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "304", description = "If-None-Match matched: the client's copy is current")
    @ApiResponse(responseCode = "404", description = "No such active file (also when no storage element has a copy any more)",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "416", description = "Range not satisfiable (storage element's answer)",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "502",
            description = "SE_UNAVAILABLE: no copy could be served (every storage element holding one is unreachable "
                    + "or failing, or the copies left are corrupt)",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "503", description = "Search schema not ready yet",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public void download(
            @Parameter(description = "File id (UUID)") @PathVariable("file_id") UUID fileId,
            @Parameter(description = "Single byte range, e.g. bytes=0-1048575")
            @RequestHeader(name = HttpHeaders.RANGE, required = false) String range,
            @Parameter(description = "Apply Range only if the ETag still matches")
            @RequestHeader(name = HttpHeaders.IF_RANGE, required = false) String ifRange,
            @Parameter(description = "ETag(s) of a cached copy; 304 when current")
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
            HttpServletRequest request, HttpServletResponse response) {
        boolean bodyWanted = !HttpMethod.HEAD.matches(request.getMethod());
        proxy.download(new DownloadRequest(fileId, range, ifRange, ifNoneMatch, bodyWanted), response);
    }

    /**
     * Rethrown on purpose (Spring MVC then leaves it to the container): part of the file is
     * already out, so the container must drop the connection rather than finish the response.
     */
    @ExceptionHandler(DownloadAbortedException.class)
    void abort(DownloadAbortedException ex) {
        throw ex;
    }
}
