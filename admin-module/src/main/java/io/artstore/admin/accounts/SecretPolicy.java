package io.artstore.admin.accounts;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/** New client secrets and their expiry. */
public final class SecretPolicy {

    private static final int SECRET_BYTES = 32;

    private SecretPolicy() {
    }

    /** A new secret: {@code cs_} and 256 random bits, base64url. */
    public static String newSecret(SecureRandom random) {
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        return "cs_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** When a secret issued at {@code issuedAt} expires; {@code null} (never) for 0 days. */
    public static Instant expiresAt(Instant issuedAt, int expirationDays) {
        return expirationDays == 0 ? null : issuedAt.plus(Duration.ofDays(expirationDays));
    }

    /** Whether a secret with this expiry is no longer accepted at {@code now}. */
    public static boolean isExpired(Instant expiresAt, Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }
}
