package io.artstore.query.search;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What search results are ordered by. {@link #RELEVANCE} applies to full-text searches with a
 * query only; elsewhere it falls back to {@link #UPLOADED_AT}.
 */
public enum SortField {
    UPLOADED_AT, ORIGINAL_FILENAME, SIZE, RELEVANCE;

    /** The lower-case value clients send and receive. */
    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
