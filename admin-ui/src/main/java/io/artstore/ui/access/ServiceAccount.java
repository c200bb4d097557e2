package io.artstore.ui.access;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** A service account; {@code clientSecret} is only present in the answers to create and rotate-secret. */
public record ServiceAccount(String id, String clientId, String name, String description, List<String> scopes,
                             String status, Instant secretExpiresAt, Instant createdAt, Instant updatedAt,
                             Instant lastUsedAt, String clientSecret) {

    /** admin-module asks for the typed name to delete or rotate an account that got a token this recently. */
    public static final Duration RECENT_USE = Duration.ofHours(24);

    public static final List<String> ALL_SCOPES = List.of("files:read", "files:write", "storage:read", "storage:write",
            "admin:read", "admin:write");

    public ServiceAccount {
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
    }

    /** Whether a token was issued to the account within {@link #RECENT_USE} before {@code now}. */
    public boolean usedRecently(Instant now) {
        return lastUsedAt != null && lastUsedAt.isAfter(now.minus(RECENT_USE));
    }
}
