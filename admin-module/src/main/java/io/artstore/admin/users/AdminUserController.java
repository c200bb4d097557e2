package io.artstore.admin.users;

import java.util.UUID;

import io.artstore.kernel.error.ApiError;
import io.artstore.kernel.openapi.OpenApiAutoConfiguration;
import io.artstore.kernel.paging.Page;
import io.artstore.kernel.paging.PageQuery;
import io.artstore.kernel.security.RequiresScope;
import io.artstore.kernel.security.Scopes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Management of administrators. Reads need admin:read, changes admin:write. */
@RestController
@RequestMapping("/api/v1/admin-users")
@Tag(name = "admin-users", description = "Administrators")
@SecurityRequirement(name = OpenApiAutoConfiguration.BEARER)
public class AdminUserController {

    private final AdminUserService users;

    public AdminUserController(AdminUserService users) {
        this.users = users;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresScope(Scopes.ADMIN_WRITE)
    @Operation(summary = "Create an administrator")
    @ApiResponse(responseCode = "201", description = "Created")
    @ApiResponse(responseCode = "400",
            description = "Invalid request (password too short, too long or too common; bad username or email)",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "409", description = "Username taken",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public AdminUserDtos.View create(@Valid @RequestBody AdminUserDtos.Create request) {
        return users.create(request);
    }

    @GetMapping
    @RequiresScope(Scopes.ADMIN_READ)
    @Operation(summary = "List administrators")
    @ApiResponse(responseCode = "200", description = "One page of administrators")
    public Page<AdminUserDtos.View> list(@Valid @ParameterObject PageQuery page) {
        return users.list(page);
    }

    @GetMapping("/{id}")
    @RequiresScope(Scopes.ADMIN_READ)
    @Operation(summary = "Get an administrator")
    @ApiResponse(responseCode = "200", description = "The administrator")
    @ApiResponse(responseCode = "404", description = "No such administrator",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public AdminUserDtos.View get(@PathVariable UUID id) {
        return users.get(id);
    }

    @PutMapping("/{id}")
    @RequiresScope(Scopes.ADMIN_WRITE)
    @Operation(summary = "Update an administrator", description = "Changes role and/or email. Passwords have their own endpoints.")
    @ApiResponse(responseCode = "200", description = "Updated")
    @ApiResponse(responseCode = "400", description = "Invalid request",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "404", description = "No such administrator",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public AdminUserDtos.View update(@PathVariable UUID id, @Valid @RequestBody AdminUserDtos.Update request) {
        return users.update(id, request);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @RequiresScope(Scopes.ADMIN_WRITE)
    @Operation(summary = "Delete an administrator", description = "Nobody can delete their own account.")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "404", description = "No such administrator",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "409", description = "Own account",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public void delete(@PathVariable UUID id, @AuthenticationPrincipal Jwt jwt) {
        users.delete(id, CurrentUser.idOrNull(jwt));
    }

    @PostMapping("/{id}/reset-password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @RequiresScope(Scopes.ADMIN_WRITE)
    @Operation(summary = "Set a new password for an administrator",
            description = "For a forgotten password. Ends the user's refresh-token sessions.")
    @ApiResponse(responseCode = "204", description = "Password set")
    @ApiResponse(responseCode = "400", description = "Password too short, too long or too common",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "404", description = "No such administrator",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public void resetPassword(@PathVariable UUID id, @Valid @RequestBody AdminUserDtos.ResetPassword request) {
        users.resetPassword(id, request.newPassword());
    }

    @PostMapping("/{id}/unlock")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @RequiresScope(Scopes.ADMIN_WRITE)
    @Operation(summary = "Unlock an administrator", description = "Ends a lock from failed logins and resets the count.")
    @ApiResponse(responseCode = "204", description = "Unlocked")
    @ApiResponse(responseCode = "404", description = "No such administrator",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "409", description = "NOT_LOCKED",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public void unlock(@PathVariable UUID id) {
        users.unlock(id);
    }
}
