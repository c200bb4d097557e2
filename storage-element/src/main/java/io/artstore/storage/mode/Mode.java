package io.artstore.storage.mode;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonValue;

/** Operating mode of a Storage Element and the operations it allows. */
public enum Mode {
    /** Temporary storage: everything allowed, no transitions in or out. */
    EDIT(EnumSet.allOf(Operation.class)),
    /** Permanent storage, accepting files: everything but delete. */
    RW(EnumSet.of(Operation.UPLOAD, Operation.DOWNLOAD, Operation.UPDATE, Operation.LIST)),
    /** Read-only: download, list and metadata. */
    RO(EnumSet.of(Operation.DOWNLOAD, Operation.LIST)),
    /** Archive: list and metadata only. */
    AR(EnumSet.of(Operation.LIST));

    private final Set<Operation> allowed;

    Mode(Set<Operation> allowed) {
        this.allowed = allowed;
    }

    public boolean allows(Operation operation) {
        return allowed.contains(operation);
    }

    public Set<Operation> allowedOperations() {
        return EnumSet.copyOf(allowed);
    }

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Mode> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        return Arrays.stream(values()).filter(m -> m.json().equals(value.trim().toLowerCase(Locale.ROOT))).findFirst();
    }
}
