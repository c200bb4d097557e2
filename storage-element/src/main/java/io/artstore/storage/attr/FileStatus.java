package io.artstore.storage.attr;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Lifecycle status of a stored file. */
public enum FileStatus {
    ACTIVE, EXPIRED, DELETED;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static FileStatus fromJson(String value) {
        return parse(value).orElseThrow(() -> new IllegalArgumentException("Unknown status " + value));
    }

    public static Optional<FileStatus> parse(String value) {
        return Arrays.stream(values()).filter(s -> s.json().equals(value)).findFirst();
    }
}
