package io.artstore.kernel.contract;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.artstore.kernel.error.ApiException;
import io.artstore.kernel.error.ErrorCode;

/**
 * The operating mode of a storage element: what it allows, and its life cycle
 * {@code rw -> ro -> ar} with the rollback {@code ro -> rw} only when confirmed;
 * {@code edit} is isolated and {@code ar} final.
 */
public enum StorageMode implements ContractValue {
    /** Temporary storage: everything allowed, no transitions in or out. */
    EDIT(EnumSet.allOf(StorageOperation.class)),
    /** Permanent storage, accepting files: everything but delete. */
    RW(EnumSet.of(StorageOperation.UPLOAD, StorageOperation.DOWNLOAD, StorageOperation.UPDATE, StorageOperation.LIST)),
    /** Read-only: download, list and metadata. */
    RO(EnumSet.of(StorageOperation.DOWNLOAD, StorageOperation.LIST)),
    /** Archive: list and metadata only; final. */
    AR(EnumSet.of(StorageOperation.LIST));

    private final Set<StorageOperation> allowed;

    StorageMode(Set<StorageOperation> allowed) {
        this.allowed = allowed;
    }

    public boolean allows(StorageOperation operation) {
        return allowed.contains(operation);
    }

    public Set<StorageOperation> allowedOperations() {
        return EnumSet.copyOf(allowed);
    }

    /** The modes this one may change to (the rollback {@code ro -> rw} needs confirmation). */
    public List<StorageMode> targets() {
        return switch (this) {
            case RW -> List.of(RO);
            case RO -> List.of(AR, RW);
            case EDIT, AR -> List.of();
        };
    }

    /** Whether {@code this -> target} is the rollback that must be confirmed. */
    public boolean needsConfirmation(StorageMode target) {
        return this == RO && target == RW;
    }

    /** Whether this mode can never be left. */
    public boolean isFinal() {
        return this == AR;
    }

    /** Throws the contract's 409 ({@code INVALID_TRANSITION} or {@code CONFIRMATION_REQUIRED}) unless allowed. */
    public void checkTransition(StorageMode target, boolean confirm) {
        if (targets().contains(target)) {
            if (needsConfirmation(target) && !confirm) {
                throw new ApiException(ErrorCode.CONFIRMATION_REQUIRED,
                        "Rolling back from '" + value() + "' to '" + target.value() + "' requires confirmation (confirm: true)");
            }
            return;
        }
        String reason;
        if (this == EDIT || target == EDIT) {
            reason = " (edit is an isolated mode)";
        } else if (this == target) {
            reason = " (already in this mode)";
        } else if (isFinal()) {
            reason = " (archive is final)";
        } else {
            reason = "";
        }
        throw new ApiException(ErrorCode.INVALID_TRANSITION,
                "Transition from '" + value() + "' to '" + target.value() + "' is not allowed" + reason);
    }

    /** Whether {@code this -> target} is allowed, given the confirmation. */
    public boolean canChangeTo(StorageMode target, boolean confirm) {
        return targets().contains(target) && (confirm || !needsConfirmation(target));
    }

    public static Optional<StorageMode> parse(String value) {
        return ContractValues.parse(StorageMode.class, value);
    }
}
