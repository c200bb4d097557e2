package io.artstore.query.search;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** Registry status of a file, as a search filter. */
public enum FileStatus {
    ACTIVE, EXPIRED, DELETED;

    /** The lower-case value clients send and receive. */
    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
