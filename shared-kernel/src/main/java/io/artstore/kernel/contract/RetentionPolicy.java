package io.artstore.kernel.contract;

import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.artstore.kernel.error.ApiException;

/** How long a file is kept: {@code temporary} (with a TTL, on an {@code edit} SE) or {@code permanent} (on an {@code rw} SE). */
public enum RetentionPolicy {
    TEMPORARY(StorageMode.EDIT), PERMANENT(StorageMode.RW);

    private final StorageMode storageMode;

    RetentionPolicy(StorageMode storageMode) {
        this.storageMode = storageMode;
    }

    /** The mode of the storage elements that take new files of this policy. */
    public StorageMode storageMode() {
        return storageMode;
    }

    @JsonValue
    public String value() {
        return ContractValues.of(this);
    }

    public static Optional<RetentionPolicy> parse(String value) {
        return ContractValues.parse(RetentionPolicy.class, value);
    }

    /** For request fields and parameters: 400 {@code VALIDATION_ERROR} naming {@code field} when not a policy. */
    public static RetentionPolicy require(String field, String value) {
        return parse(value).orElseThrow(() -> ApiException.validation(
                field + ": must be one of " + ContractValues.list(RetentionPolicy.class)));
    }

    @JsonCreator
    static RetentionPolicy fromJson(String value) {
        return parse(value).orElseThrow(() -> new IllegalArgumentException("Unknown retention policy " + value));
    }
}
