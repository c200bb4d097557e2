package io.artstore.ui.access;

import java.time.Instant;

/** Answer of rotate-secret: the new secret, shown once. */
public record RotatedSecret(String clientId, String clientSecret, Instant secretExpiresAt) {
}
