package io.artstore.admin.keys;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

/** Result of a key rotation. */
@Schema(name = "JwtKeyRotateResponse")
public record JwtKeyRotation(
        @Schema(description = "Key id of the new active key") String newKeyId,
        @Schema(description = "Key id of the key that was active before") String previousKeyId,
        @Schema(description = "Until when tokens signed with the previous key are accepted") Instant gracePeriodEndsAt) {
}
