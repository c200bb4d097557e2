package io.artstore.admin.accounts;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A service account (OAuth 2.0 client) as stored; {@code secretHash} never leaves this module. */
public record ServiceAccount(UUID id, String clientId, String name, String description, String secretHash,
                             List<String> scopes, ServiceAccountStatus status, int secretExpirationDays,
                             Instant secretExpiresAt, Instant createdAt, Instant updatedAt, Instant lastUsedAt) {

    /** How long after its last token an account counts as in use: deleting or rotating it needs its name typed. */
    public static final Duration RECENT_USE = Duration.ofHours(24);

    public boolean active() {
        return status == ServiceAccountStatus.ACTIVE;
    }

    public boolean secretExpired(Instant now) {
        return SecretPolicy.isExpired(secretExpiresAt, now);
    }

    /** Whether a token was issued to this account within {@link #RECENT_USE} before {@code now}. */
    public boolean usedRecently(Instant now) {
        return lastUsedAt != null && lastUsedAt.isAfter(now.minus(RECENT_USE));
    }

    @Override
    public String toString() {
        return "ServiceAccount[id=" + id + ", clientId=" + clientId + ", status=" + status + "]";
    }
}
