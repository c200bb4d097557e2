package io.artstore.admin.users;

import io.artstore.kernel.error.ApiError;
import io.artstore.kernel.error.ApiException;
import io.artstore.kernel.error.ErrorCode;
import io.artstore.kernel.openapi.OpenApiAutoConfiguration;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Administrator login with username and password, token refresh and own account. */
@RestController
@RequestMapping("/api/v1/admin-auth")
@Tag(name = "admin-auth", description = "Administrator authentication")
public class AdminAuthController {

    static final String ANY_ADMIN_USER = "hasAnyAuthority('ROLE_admin', 'ROLE_readonly')";

    private final AdminAuthService auth;
    private final AdminUserService users;

    public AdminAuthController(AdminAuthService auth, AdminUserService users) {
        this.auth = auth;
        this.users = users;
    }

    @PostMapping("/login")
    @SecurityRequirements
    @Operation(summary = "Log in",
            description = "Checks username and password and returns an access token (claim role) and a refresh token. "
                    + "After AM_LOCK_MAX_ATTEMPTS (5) consecutive failures the account is locked for AM_LOCK_DURATION "
                    + "(15m); a successful login resets the count, and a streak is forgotten AM_LOCK_DURATION after its "
                    + "last failure. A user name that does not exist answers exactly the same way (also locked after "
                    + "as many failures), so the answers tell nothing about which names exist.")
    @ApiResponse(responseCode = "200", description = "Logged in")
    @ApiResponse(responseCode = "401", description = "INVALID_CREDENTIALS",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "423", description = "ACCOUNT_LOCKED",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public AdminUserDtos.LoginResponse login(@Valid @RequestBody AdminUserDtos.Login request) {
        return auth.login(request.username(), request.password());
    }

    @PostMapping("/refresh")
    @SecurityRequirements
    @Operation(summary = "Refresh the session",
            description = "Exchanges a refresh token for a new access and refresh token. Each refresh token works once.")
    @ApiResponse(responseCode = "200", description = "New tokens")
    @ApiResponse(responseCode = "401", description = "INVALID_REFRESH_TOKEN",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public AdminUserDtos.LoginResponse refresh(@Valid @RequestBody AdminUserDtos.Refresh request) {
        return auth.refresh(request.refreshToken());
    }

    @GetMapping("/me")
    @PreAuthorize(ANY_ADMIN_USER)
    @SecurityRequirement(name = OpenApiAutoConfiguration.BEARER)
    @Operation(summary = "Current administrator")
    @ApiResponse(responseCode = "200", description = "The logged-in administrator")
    public AdminUserDtos.View me(@AuthenticationPrincipal Jwt jwt) {
        try {
            return users.get(CurrentUser.id(jwt));
        } catch (ApiException ex) {
            if (ex.code() == ErrorCode.NOT_FOUND) {
                throw new ApiException(ErrorCode.UNAUTHORIZED, "The user of this token no longer exists");
            }
            throw ex;
        }
    }

    @PostMapping("/change-password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize(ANY_ADMIN_USER)
    @SecurityRequirement(name = OpenApiAutoConfiguration.BEARER)
    @Operation(summary = "Change own password",
            description = "Needs the current password. Ends every refresh-token session of the user.")
    @ApiResponse(responseCode = "204", description = "Password changed")
    @ApiResponse(responseCode = "400", description = "VALIDATION_ERROR: new password too short, too long or one of "
            + "the most common passwords",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "401", description = "Current password wrong (INVALID_CREDENTIALS)",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public void changePassword(@AuthenticationPrincipal Jwt jwt,
                               @Valid @RequestBody AdminUserDtos.ChangePassword request) {
        auth.changePassword(CurrentUser.id(jwt), request.currentPassword(), request.newPassword());
    }
}
