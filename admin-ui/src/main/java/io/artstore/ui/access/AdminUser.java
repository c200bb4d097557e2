package io.artstore.ui.access;

import java.time.Instant;

/** An admin user as admin-module lists it. */
public record AdminUser(String id, String username, String email, String role, boolean isLocked, Instant lockedUntil,
                        Integer failedLoginAttempts, Instant lastLoginAt, Instant createdAt, Instant updatedAt) {
}
