package io.artstore.ui.access;

import java.time.Instant;
import java.util.List;

/** A service account; {@code clientSecret} is only present in the answers to create and rotate-secret. */
public record ServiceAccount(String id, String clientId, String name, String description, List<String> scopes,
                             String status, Instant secretExpiresAt, Instant createdAt, Instant updatedAt,
                             String clientSecret) {

    public static final List<String> ALL_SCOPES = List.of("files:read", "files:write", "storage:read", "storage:write",
            "admin:read", "admin:write");

    public ServiceAccount {
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
    }
}
