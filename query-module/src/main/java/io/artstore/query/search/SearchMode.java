package io.artstore.query.search;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** How {@code query} is matched: exact file name, substring of the file name, or full-text search. */
public enum SearchMode {
    EXACT, PARTIAL, FULLTEXT;

    /** The lower-case value clients send and receive. */
    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
