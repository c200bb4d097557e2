package io.artstore.kernel.client.storage;

import java.time.Instant;

/** Answer of a storage element's mode transition. */
public record SeModeTransition(String previousMode, String currentMode, Instant transitionedAt) {
}
