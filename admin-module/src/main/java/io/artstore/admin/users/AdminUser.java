package io.artstore.admin.users;

import java.time.Instant;
import java.util.UUID;

/** An admin user as stored; {@code passwordHash} never leaves this module. */
public record AdminUser(UUID id, String username, String email, String passwordHash, AdminRole role,
                        int failedLoginAttempts, Instant lockedUntil, Instant lastFailedLoginAt, Instant lastLoginAt,
                        Instant createdAt, Instant updatedAt) {

    LockoutPolicy.State lockState() {
        return new LockoutPolicy.State(failedLoginAttempts, lockedUntil, lastFailedLoginAt);
    }

    @Override
    public String toString() {
        return "AdminUser[id=" + id + ", username=" + username + ", role=" + role.value() + "]";
    }
}
