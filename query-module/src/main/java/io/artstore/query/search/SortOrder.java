package io.artstore.query.search;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** Sort direction. */
public enum SortOrder {
    ASC, DESC;

    /** The lower-case value clients send and receive. */
    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
