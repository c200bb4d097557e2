package io.artstore.ui.storage;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.artstore.kernel.contract.StorageElementStatus;
import io.artstore.kernel.contract.StorageMode;

/**
 * SE mode lifecycle as the UI offers it: rw → ro → ar, and ro → rw only with confirmation;
 * edit is isolated. What each step needs before the UI sends it to admin-module is checked
 * here, on the server, so that a request without the dialog's JavaScript is held to the same rules.
 * The modes and their transitions are shared-kernel's {@link StorageMode}; the UI adds only its own
 * refusals (nothing chosen, the typed name). Values are taken exactly as the contract spells them.
 */
public final class ModeTransitions {

    public static final List<String> MODES = Arrays.stream(StorageMode.values()).map(StorageMode::value).toList();
    public static final List<String> STATUSES = Arrays.stream(StorageElementStatus.values())
            .map(StorageElementStatus::value).toList();

    /** Why the UI refuses to send a mode change; each names the message shown in the dialog. */
    public enum Refusal {
        /** No target chosen: the dialog preselects nothing. */
        NO_TARGET("storage.mode.choose"),
        /** A target the current mode has no transition to. */
        NOT_OFFERED("storage.mode.notOffered"),
        /** ro → rw without the confirmation box. */
        CONFIRMATION_MISSING("storage.mode.confirm.required"),
        /** ro → ar cannot be undone, so the SE's name must be typed exactly. */
        NAME_MISMATCH("storage.mode.archive.nameMismatch");

        private final String messageKey;

        Refusal(String messageKey) {
            this.messageKey = messageKey;
        }

        public String messageKey() {
            return messageKey;
        }
    }

    private ModeTransitions() {
    }

    public static List<String> targets(String mode) {
        return mode(mode).map(m -> m.targets().stream().map(StorageMode::value).toList()).orElse(List.of());
    }

    public static boolean needsConfirmation(String from, String to) {
        return mode(from).flatMap(f -> mode(to).map(f::needsConfirmation)).orElse(false);
    }

    /** ar is final: the only step that asks for the SE's name to be typed. */
    public static boolean needsTypedName(String to) {
        return mode(to).map(StorageMode::isFinal).orElse(false);
    }

    // Exact contract values only: a mode the registry did not write offers nothing.
    private static Optional<StorageMode> mode(String value) {
        return StorageMode.parse(value).filter(m -> m.value().equals(value));
    }

    /**
     * Whether the change {@code from} → {@code to} of the SE named {@code seName} may be sent,
     * given the dialog's confirmation box and the name typed into it.
     */
    public static Optional<Refusal> refusal(String from, String to, boolean confirm, String typedName, String seName) {
        if (to == null || to.isBlank()) {
            return Optional.of(Refusal.NO_TARGET);
        }
        if (!targets(from).contains(to)) {
            return Optional.of(Refusal.NOT_OFFERED);
        }
        if (needsConfirmation(from, to) && !confirm) {
            return Optional.of(Refusal.CONFIRMATION_MISSING);
        }
        if (needsTypedName(to) && !TypedName.matches(typedName, seName)) {
            return Optional.of(Refusal.NAME_MISMATCH);
        }
        return Optional.empty();
    }
}
