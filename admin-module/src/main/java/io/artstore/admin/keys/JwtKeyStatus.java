package io.artstore.admin.keys;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

/** The active signing key and, during a grace period, the previous one. */
@Schema(name = "JwtKeyStatus")
public record JwtKeyStatus(
        @Schema(description = "Key id (kid) new tokens are signed with", example = "key-2026-02-21-1a2b3c4d") String activeKeyId,
        @Schema(description = "Signature algorithm", example = "RS256") String algorithm,
        @Schema(description = "When the active key was created") Instant createdAt,
        @Schema(description = "Previous key, still accepted during its grace period", nullable = true) String previousKeyId,
        @Schema(description = "When the previous key stops being accepted", nullable = true) Instant gracePeriodEndsAt) {
}
