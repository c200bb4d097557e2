package io.artstore.admin.users;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import io.artstore.admin.auth.TokenProperties;
import io.artstore.admin.common.Timestamps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Admin refresh tokens: opaque random strings ({@code rt_...}, 256 bits), of which only the
 * SHA-256 is stored. Not a JWT, so no resource server can ever take one for an access token.
 * Each is single-use: exchanging it marks it used in one atomic UPDATE (safe across
 * replicas). Presenting a used token again is treated as theft: all of that user's refresh
 * tokens are revoked.
 */
class RefreshTokens {

    private static final Logger log = LoggerFactory.getLogger(RefreshTokens.class);

    private final JdbcClient jdbc;
    private final TokenProperties properties;
    private final SecureRandom random = new SecureRandom();

    RefreshTokens(JdbcClient jdbc, TokenProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    String issue(UUID userId, Instant now) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = "rt_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("DELETE FROM admin_refresh_tokens WHERE expires_at <= :now")
                .param("now", Timestamps.sql(now))
                .update();
        jdbc.sql("""
                        INSERT INTO admin_refresh_tokens (token_hash, user_id, created_at, expires_at)
                        VALUES (:hash, :userId, :now, :expiresAt)
                        """)
                .param("hash", hash(token))
                .param("userId", userId)
                .param("now", Timestamps.sql(now))
                .param("expiresAt", Timestamps.sql(now.plus(properties.refreshTtl())))
                .update();
        return token;
    }

    /** Marks the token used and returns its user, or empty if unknown, expired or already used. */
    Optional<UUID> consume(String token, Instant now) {
        String hash = hash(token);
        Optional<UUID> user = jdbc.sql("""
                        UPDATE admin_refresh_tokens SET used_at = :now
                        WHERE token_hash = :hash AND used_at IS NULL AND expires_at > :now
                        RETURNING user_id
                        """)
                .param("hash", hash)
                .param("now", Timestamps.sql(now))
                .query(UUID.class).optional();
        if (user.isEmpty()) {
            jdbc.sql("SELECT user_id FROM admin_refresh_tokens WHERE token_hash = :hash AND used_at IS NOT NULL")
                    .param("hash", hash)
                    .query(UUID.class).optional()
                    .ifPresent(reused -> {
                        log.warn("A used refresh token of user {} was presented again; revoking all of its refresh tokens",
                                reused);
                        revokeAll(reused);
                    });
        }
        return user;
    }

    void revokeAll(UUID userId) {
        jdbc.sql("DELETE FROM admin_refresh_tokens WHERE user_id = :userId").param("userId", userId).update();
    }

    private static String hash(String token) {
        return Sha256.hex(token);
    }
}
