package io.artstore.storage.attr;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How long a file is kept: {@code temporary} (with a TTL) or {@code permanent}. */
public enum RetentionPolicy {
    TEMPORARY, PERMANENT;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static RetentionPolicy fromJson(String value) {
        return parse(value).orElseThrow(() -> new IllegalArgumentException("Unknown retention policy " + value));
    }

    public static Optional<RetentionPolicy> parse(String value) {
        return Arrays.stream(values()).filter(s -> s.json().equals(value)).findFirst();
    }
}
