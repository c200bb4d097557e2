package io.artstore.storage.wal;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Kinds of mutation guarded by the write-ahead log. */
public enum WalOperation {
    /** New data file and sidecar. */
    UPLOAD,
    /** Sidecar rewrite: description/tags change or GC marking a file expired. */
    UPDATE,
    /** Soft delete: sidecar rewrite with status {@code deleted}. */
    DELETE,
    /** Physical removal of a data file and its sidecar by GC. */
    GC_REMOVE;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static WalOperation fromJson(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
