package io.artstore.ui.storage;

import java.util.Optional;

import io.artstore.kernel.client.admin.StorageElementRecord;

/**
 * What the UI checks on its server before it asks admin-module to drain an SE, so that a
 * request without the dialog's JavaScript is held to the same rules: the SE is not already
 * draining, and its name was typed exactly (a drain moves every file's copy off the SE; it
 * is the step before removing it).
 */
public final class Drains {

    /** Why the UI refuses to send a drain; each names the message shown in the dialog. */
    public enum Refusal {
        /** The SE is already being drained. */
        ALREADY_DRAINING("storage.drain.already"),
        /** The typed name is not the SE's. */
        NAME_MISMATCH("storage.drain.nameMismatch");

        private final String messageKey;

        Refusal(String messageKey) {
            this.messageKey = messageKey;
        }

        public String messageKey() {
            return messageKey;
        }
    }

    private Drains() {
    }

    public static boolean draining(StorageElementRecord se) {
        return se.drainRequestedAt() != null;
    }

    /** Whether the drain of {@code se} may be sent, given the name typed into the dialog. */
    public static Optional<Refusal> refusal(StorageElementRecord se, String typedName) {
        if (draining(se)) {
            return Optional.of(Refusal.ALREADY_DRAINING);
        }
        if (!TypedName.matches(typedName, se.name())) {
            return Optional.of(Refusal.NAME_MISMATCH);
        }
        return Optional.empty();
    }
}
