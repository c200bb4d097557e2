package io.artstore.storage.mode;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** File operations a mode may allow; names as in {@code allowed_operations} of the contract. */
public enum Operation {
    UPLOAD, DOWNLOAD, UPDATE, DELETE, LIST;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
