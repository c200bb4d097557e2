package io.artstore.admin.storage;

import java.util.UUID;

import io.artstore.kernel.contract.StorageElementStatus;
import io.artstore.kernel.contract.StorageMode;
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
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The storage-element registry. Reads need storage:read, changes storage:write. */
@RestController
@RequestMapping("/api/v1/storage-elements")
@Tag(name = "storage-elements", description = "Registry of storage elements, sync and mode changes")
@SecurityRequirement(name = OpenApiAutoConfiguration.BEARER)
public class StorageElementController {

    private final StorageElementService service;

    public StorageElementController(StorageElementService service) {
        this.service = service;
    }

    @PostMapping("/discover")
    @RequiresScope(Scopes.STORAGE_READ)
    @Operation(summary = "Preview a storage element",
            description = "Calls GET /api/v1/info of the SE at the URL and returns what it reports. Creates nothing.")
    @ApiResponse(responseCode = "200", description = "What the SE reports")
    @ApiResponse(responseCode = "400", description = "Not a valid http(s) URL",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "502", description = "SE unreachable, TLS failure or error answer (SE_UNAVAILABLE)",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public StorageElementDtos.DiscoverResponse discover(@Valid @RequestBody StorageElementDtos.DiscoverRequest request) {
        return service.discover(request.url());
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresScope(Scopes.STORAGE_WRITE)
    @Operation(summary = "Register a storage element",
            description = "Reads the SE's info (mode, capacity), stores it, then runs a full sync of its files into "
                    + "the registry. An SE already registered under another URL (same storage_id) is refused too.")
    @ApiResponse(responseCode = "201", description = "Registered and synced")
    @ApiResponse(responseCode = "400", description = "Invalid request",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "409", description = "URL (or storage_id) already registered (CONFLICT)",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "502", description = "SE unreachable (SE_UNAVAILABLE)",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public StorageElementDtos.View register(@Valid @RequestBody StorageElementDtos.Create request) {
        return service.view(service.register(request));
    }

    @GetMapping
    @RequiresScope(Scopes.STORAGE_READ)
    @Operation(summary = "List storage elements",
            description = "Paged, optionally filtered by mode and status. Used by ingester and query to find SEs.")
    @ApiResponse(responseCode = "200", description = "One page of storage elements")
    @ApiResponse(responseCode = "400", description = "Invalid filter or paging",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Page<StorageElementDtos.View> list(
            @Valid @ParameterObject PageQuery page,
            @Parameter(description = "Filter by mode", schema = @Schema(implementation = StorageMode.class))
            @RequestParam(required = false) String mode,
            @Parameter(description = "Filter by status", schema = @Schema(implementation = StorageElementStatus.class))
            @RequestParam(required = false) String status) {
        return service.list(mode, status, page).map(service::view);
    }

    @GetMapping("/{id}")
    @RequiresScope(Scopes.STORAGE_READ)
    @Operation(summary = "Get a storage element")
    @ApiResponse(responseCode = "200", description = "The storage element")
    @ApiResponse(responseCode = "404", description = "No such storage element",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public StorageElementDtos.View get(@PathVariable UUID id) {
        return service.view(service.get(id));
    }

    @RequestMapping(path = "/{id}", method = {RequestMethod.PUT, RequestMethod.PATCH})
    @RequiresScope(Scopes.STORAGE_WRITE)
    @Operation(summary = "Update a storage element",
            description = "Changes name, URL and/or site label (PUT and PATCH alike: only the fields given change). "
                    + "A new URL must reach the same SE (same storage_id). Mode, status and capacity come from the SE "
                    + "through sync.")
    @ApiResponse(responseCode = "200", description = "Updated")
    @ApiResponse(responseCode = "400", description = "Invalid request, or the URL reaches another SE",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "404", description = "No such storage element",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "409", description = "URL already registered",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "502", description = "The new URL does not answer",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public StorageElementDtos.View update(@PathVariable UUID id, @Valid @RequestBody StorageElementDtos.Update request) {
        return service.view(service.update(id, request));
    }

    @PostMapping("/{id}/drain")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @RequiresScope(Scopes.STORAGE_WRITE)
    @Operation(summary = "Drain a storage element",
            description = "The SE's copies stop counting toward the files' wanted copies, so the replication job "
                    + "copies every file it holds to other SEs. The view's drain.files_remaining reaches 0 when "
                    + "removing the SE from the registry leaves no file below its wanted copies. The SE itself is "
                    + "not changed. Requesting a drain already running changes nothing.")
    @ApiResponse(responseCode = "202", description = "Drain requested; the SE view with its drain progress")
    @ApiResponse(responseCode = "404", description = "No such storage element",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public StorageElementDtos.View drain(@PathVariable UUID id) {
        return service.view(service.startDrain(id));
    }

    @DeleteMapping("/{id}/drain")
    @RequiresScope(Scopes.STORAGE_WRITE)
    @Operation(summary = "Cancel the drain of a storage element",
            description = "Its copies count again; copies already made elsewhere stay. No drain running: no change.")
    @ApiResponse(responseCode = "200", description = "Drain cancelled; the SE view")
    @ApiResponse(responseCode = "404", description = "No such storage element",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public StorageElementDtos.View cancelDrain(@PathVariable UUID id) {
        return service.view(service.cancelDrain(id));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @RequiresScope(Scopes.STORAGE_WRITE)
    @Operation(summary = "Remove a storage element from the registry",
            description = "Deletes the record and its file-registry rows. The files on the SE are not touched; "
                    + "registering the SE again restores the rows.")
    @ApiResponse(responseCode = "204", description = "Removed")
    @ApiResponse(responseCode = "404", description = "No such storage element",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public void delete(@PathVariable UUID id) {
        service.delete(id);
    }

    @PostMapping("/{id}/sync")
    @RequiresScope(Scopes.STORAGE_WRITE)
    @Operation(summary = "Sync a storage element",
            description = "Refreshes mode, status and capacity from the SE, then reads its whole file listing: new "
                    + "files are added, changed ones updated, registry rows of files the SE no longer has become "
                    + "deleted. The same code path as the periodic job and registration. Waits for a sync of this SE "
                    + "already running (on any replica). May take long for SEs with many files.")
    @ApiResponse(responseCode = "200", description = "Synced")
    @ApiResponse(responseCode = "404", description = "No such storage element",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "502", description = "SE unreachable; it is marked offline (SE_UNAVAILABLE)",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public SyncResponse sync(@PathVariable UUID id) {
        return SyncResponse.of(service.sync(id));
    }

    @PostMapping("/{id}/mode")
    @RequiresScope(Scopes.STORAGE_WRITE)
    @Operation(summary = "Change the mode of a storage element (extension of the contract)",
            description = "Calls the SE's POST /api/v1/mode/transition with admin-module's own credentials and stores "
                    + "the new mode. Allowed: rw→ro, ro→ar, ro→rw with confirm=true; edit is isolated. The SE's "
                    + "refusals are passed through unchanged: 409 INVALID_TRANSITION or CONFIRMATION_REQUIRED.")
    @ApiResponse(responseCode = "200", description = "Switched")
    @ApiResponse(responseCode = "400", description = "Invalid request",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "404", description = "No such storage element",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "409", description = "Refused by the SE: INVALID_TRANSITION or CONFIRMATION_REQUIRED",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "502", description = "SE unreachable or refused admin-module's credentials",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public StorageElementDtos.ModeChangeResult changeMode(@PathVariable UUID id,
                                                          @Valid @RequestBody StorageElementDtos.ModeChange request) {
        return service.changeMode(id, request);
    }
}
