package io.artstore.admin.accounts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A service account (OAuth 2.0 client) as stored; {@code secretHash} never leaves this module. */
public record ServiceAccount(UUID id, String clientId, String name, String description, String secretHash,
                             List<String> scopes, ServiceAccountStatus status, int secretExpirationDays,
                             Instant secretExpiresAt, Instant createdAt, Instant updatedAt) {

    public boolean active() {
        return status == ServiceAccountStatus.ACTIVE;
    }

    public boolean secretExpired(Instant now) {
        return SecretPolicy.isExpired(secretExpiresAt, now);
    }

    @Override
    public String toString() {
        return "ServiceAccount[id=" + id + ", clientId=" + clientId + ", status=" + status + "]";
    }
}
