package io.artstore.storage.mode;

import io.artstore.kernel.error.ApiException;
import io.artstore.kernel.error.ErrorCode;

/**
 * The mode state machine: {@code rw -> ro -> ar}, rollback {@code ro -> rw} only when
 * confirmed; {@code edit} is isolated. Everything else is an invalid transition.
 */
public final class ModeTransitions {

    private ModeTransitions() {
    }

    /** Throws the contract's 409 error when {@code from -> to} is not allowed. */
    public static void check(Mode from, Mode to, boolean confirm) {
        if (from == Mode.RW && to == Mode.RO || from == Mode.RO && to == Mode.AR) {
            return;
        }
        if (from == Mode.RO && to == Mode.RW) {
            if (confirm) {
                return;
            }
            throw new ApiException(ErrorCode.CONFIRMATION_REQUIRED,
                    "Rolling back from 'ro' to 'rw' requires confirmation (confirm: true)");
        }
        String reason;
        if (from == Mode.EDIT || to == Mode.EDIT) {
            reason = " (edit is an isolated mode)";
        } else if (from == to) {
            reason = " (already in this mode)";
        } else if (from == Mode.AR) {
            reason = " (archive is final)";
        } else {
            reason = "";
        }
        throw new ApiException(ErrorCode.INVALID_TRANSITION,
                "Transition from '" + from.json() + "' to '" + to.json() + "' is not allowed" + reason);
    }

    public static boolean allowed(Mode from, Mode to, boolean confirm) {
        try {
            check(from, to, confirm);
            return true;
        } catch (ApiException ex) {
            return false;
        }
    }
}
