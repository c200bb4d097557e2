package io.artstore.ui.storage;

import java.util.List;

/** SE mode lifecycle as the UI offers it: rw → ro → ar, and ro → rw only with confirmation; edit is isolated. */
public final class ModeTransitions {

    public static final List<String> MODES = List.of("edit", "rw", "ro", "ar");
    public static final List<String> STATUSES = List.of("online", "offline", "degraded", "maintenance");

    private ModeTransitions() {
    }

    public static List<String> targets(String mode) {
        return switch (mode == null ? "" : mode) {
            case "rw" -> List.of("ro");
            case "ro" -> List.of("ar", "rw");
            default -> List.of();
        };
    }

    public static boolean needsConfirmation(String from, String to) {
        return "ro".equals(from) && "rw".equals(to);
    }
}
