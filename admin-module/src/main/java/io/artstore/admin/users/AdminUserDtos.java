package io.artstore.admin.users;

import java.time.Instant;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Request and response bodies of the admin-user and admin-auth endpoints. */
public final class AdminUserDtos {

    private AdminUserDtos() {
    }

    @Schema(name = "AdminUser", description = "An administrator")
    public record View(
            UUID id,
            @Schema(example = "admin") String username,
            @Schema(nullable = true, example = "admin@example.com") String email,
            AdminRole role,
            @Schema(description = "Whether failed logins have locked the account right now") boolean isLocked,
            @Schema(description = "When the lock ends by itself", nullable = true) Instant lockedUntil,
            @Schema(description = "Consecutive failed logins") int failedLoginAttempts,
            @Schema(nullable = true) Instant lastLoginAt,
            Instant createdAt,
            Instant updatedAt) {

        static View of(AdminUser user, LockoutPolicy policy, Instant now) {
            LockoutPolicy.State state = policy.current(user.lockState(), now);
            boolean locked = policy.isLocked(state, now);
            return new View(user.id(), user.username(), user.email(), user.role(), locked,
                    locked ? state.lockedUntil() : null, state.failedAttempts(), user.lastLoginAt(),
                    user.createdAt(), user.updatedAt());
        }
    }

    @Schema(name = "AdminUserCreate")
    public record Create(
            @Schema(description = "Unique login name: letters, digits, '.', '_', '-', '@'", example = "operator1")
            @NotBlank @Size(min = 3, max = 50) @Pattern(regexp = "[A-Za-z0-9._@-]*",
                    message = "may contain only letters, digits, '.', '_', '-' and '@'") String username,
            @Schema(description = "Password, at least AM_PASSWORD_MIN_LENGTH (8) characters, at most 72 bytes, not one "
                    + "of the 30,000 most common passwords", format = "password")
            @NotNull String password,
            @Schema(example = "operator1@example.com") @Email @Size(max = 254) String email,
            @NotNull AdminRole role) {

        @Override
        public String toString() {
            return "Create[username=" + username + ", role=" + role + "]";
        }
    }

    @Schema(name = "AdminUserUpdate", description = "Fields to change; at least one")
    public record Update(
            @Email @Size(max = 254) String email,
            AdminRole role) {
    }

    @Schema(name = "ResetPasswordRequest")
    public record ResetPassword(@Schema(format = "password", description = "Same rules as a new user's password")
                                @NotNull String newPassword) {

        @Override
        public String toString() {
            return "ResetPassword[***]";
        }
    }

    @Schema(name = "ChangePasswordRequest")
    public record ChangePassword(
            @Schema(format = "password") @NotNull String currentPassword,
            @Schema(format = "password", description = "At least AM_PASSWORD_MIN_LENGTH (8) characters, at most 72 "
                    + "bytes, not one of the 30,000 most common passwords")
            @NotNull String newPassword) {

        @Override
        public String toString() {
            return "ChangePassword[***]";
        }
    }

    @Schema(name = "AdminLoginRequest")
    public record Login(@Schema(example = "admin") @NotBlank String username,
                        @Schema(format = "password") @NotBlank String password) {

        @Override
        public String toString() {
            return "Login[username=" + username + "]";
        }
    }

    @Schema(name = "RefreshRequest")
    public record Refresh(@Schema(description = "Refresh token of the previous login or refresh") @NotBlank String refreshToken) {

        @Override
        public String toString() {
            return "Refresh[***]";
        }
    }

    @Schema(name = "AdminLoginResponse")
    public record LoginResponse(
            @Schema(description = "RS256 JWT access token") String accessToken,
            @Schema(description = "Opaque single-use refresh token") String refreshToken,
            @Schema(allowableValues = "Bearer") String tokenType,
            @Schema(description = "Access token lifetime in seconds", example = "1800") long expiresIn) {

        @Override
        public String toString() {
            return "LoginResponse[expiresIn=" + expiresIn + "]";
        }
    }
}
