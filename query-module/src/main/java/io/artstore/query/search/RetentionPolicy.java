package io.artstore.query.search;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** Retention policy of a file, as a search filter. */
public enum RetentionPolicy {
    TEMPORARY, PERMANENT;

    /** The lower-case value clients send and receive. */
    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
