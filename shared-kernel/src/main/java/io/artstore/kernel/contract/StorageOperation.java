package io.artstore.kernel.contract;

import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** File operations a storage-element mode may allow; the values of {@code allowed_operations}. */
public enum StorageOperation {
    UPLOAD, DOWNLOAD, UPDATE, DELETE, LIST;

    @JsonValue
    public String value() {
        return ContractValues.of(this);
    }

    public static Optional<StorageOperation> parse(String value) {
        return ContractValues.parse(StorageOperation.class, value);
    }

    @JsonCreator
    static StorageOperation fromJson(String value) {
        return parse(value).orElseThrow(() -> new IllegalArgumentException("Unknown operation " + value));
    }
}
