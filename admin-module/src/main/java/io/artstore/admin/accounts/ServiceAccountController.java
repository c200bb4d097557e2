package io.artstore.admin.accounts;

import java.util.UUID;

import io.artstore.kernel.error.ApiError;
import io.artstore.kernel.openapi.OpenApiAutoConfiguration;
import io.artstore.kernel.paging.Page;
import io.artstore.kernel.paging.PageQuery;
import io.artstore.kernel.security.RequiresScope;
import io.artstore.kernel.security.Scopes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Management of service accounts (machine clients). Reads need admin:read, changes admin:write. */
@RestController
@RequestMapping("/api/v1/service-accounts")
@Tag(name = "service-accounts", description = "Service accounts (OAuth 2.0 client credentials)")
@SecurityRequirement(name = OpenApiAutoConfiguration.BEARER)
public class ServiceAccountController {

    private static final String CONFIRM_NAME = "The account's name, typed by the operator. Required when the account "
            + "obtained a token within the last 24 hours; ignored otherwise";
    private static final String CONFIRMATION_409 = "CONFIRMATION_REQUIRED: the account was used within the last 24 "
            + "hours and confirm_name is missing or is not its name; nothing was changed";

    private final ServiceAccountService accounts;

    public ServiceAccountController(ServiceAccountService accounts) {
        this.accounts = accounts;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresScope(Scopes.ADMIN_WRITE)
    @Operation(summary = "Create a service account",
            description = "Generates a client id (sa_<name>_<random>) and a secret. The secret is in this answer only.")
    @ApiResponse(responseCode = "201", description = "Created; the answer holds the secret")
    @ApiResponse(responseCode = "400", description = "Invalid request (unknown scope, bad name)",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "409", description = "Name already taken",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public ServiceAccountDtos.WithSecret create(@Valid @RequestBody ServiceAccountDtos.Create request) {
        return accounts.create(request);
    }

    @GetMapping
    @RequiresScope(Scopes.ADMIN_READ)
    @Operation(summary = "List service accounts", description = "Paged, optionally filtered by status. No secrets.")
    @ApiResponse(responseCode = "200", description = "One page of service accounts")
    public Page<ServiceAccountDtos.View> list(
            @Valid @ParameterObject PageQuery page,
            @Parameter(description = "Filter by status", schema = @Schema(allowableValues = {"active", "suspended"}))
            @RequestParam(required = false) String status) {
        return accounts.list(status, page);
    }

    @GetMapping("/{id}")
    @RequiresScope(Scopes.ADMIN_READ)
    @Operation(summary = "Get a service account")
    @ApiResponse(responseCode = "200", description = "The service account")
    @ApiResponse(responseCode = "404", description = "No such service account",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public ServiceAccountDtos.View get(@PathVariable UUID id) {
        return accounts.get(id);
    }

    @PutMapping("/{id}")
    @RequiresScope(Scopes.ADMIN_WRITE)
    @Operation(summary = "Update a service account",
            description = "Changes name, description, scopes or status (suspend / reactivate). The client id and the "
                    + "secret stay; use rotate-secret for a new secret.")
    @ApiResponse(responseCode = "200", description = "Updated")
    @ApiResponse(responseCode = "400", description = "Invalid request",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "404", description = "No such service account",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "409", description = "Name already taken",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public ServiceAccountDtos.View update(@PathVariable UUID id, @Valid @RequestBody ServiceAccountDtos.Update request) {
        return accounts.update(id, request);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @RequiresScope(Scopes.ADMIN_WRITE)
    @Operation(summary = "Delete a service account", description = "Its tokens stay valid until they expire. An "
            + "account that obtained a token within the last 24 hours (last_used_at) is probably a running service's: "
            + "deleting it needs confirm_name equal to its name.")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "404", description = "No such service account",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "409", description = CONFIRMATION_409,
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public void delete(@PathVariable UUID id,
                       @Parameter(description = CONFIRM_NAME, example = "ingester")
                       @RequestParam(name = "confirm_name", required = false) String confirmName) {
        accounts.delete(id, confirmName);
    }

    @PostMapping("/{id}/rotate-secret")
    @RequiresScope(Scopes.ADMIN_WRITE)
    @Operation(summary = "Rotate the secret",
            description = "Issues a new secret, shown only in this answer; the old secret stops working at once. The "
                    + "expiry restarts with the account's secret_expiration_days. An account that obtained a token "
                    + "within the last 24 hours (last_used_at) needs confirm_name equal to its name.")
    @ApiResponse(responseCode = "200", description = "New secret")
    @ApiResponse(responseCode = "404", description = "No such service account",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "409", description = CONFIRMATION_409,
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public ServiceAccountDtos.RotatedSecret rotateSecret(
            @PathVariable UUID id,
            @Parameter(description = CONFIRM_NAME, example = "ingester")
            @RequestParam(name = "confirm_name", required = false) String confirmName) {
        return accounts.rotateSecret(id, confirmName);
    }
}
