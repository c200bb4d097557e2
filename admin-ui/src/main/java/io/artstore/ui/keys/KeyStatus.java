package io.artstore.ui.keys;

import java.time.Instant;

/** admin-module's signing key status. */
public record KeyStatus(String activeKeyId, String algorithm, Instant createdAt, String previousKeyId,
                        Instant gracePeriodEndsAt) {
}
