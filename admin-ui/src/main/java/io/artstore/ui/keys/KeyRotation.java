package io.artstore.ui.keys;

import java.time.Instant;

/** Answer of a key rotation. */
public record KeyRotation(String newKeyId, String previousKeyId, Instant gracePeriodEndsAt) {
}
