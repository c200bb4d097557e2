package io.artstore.kernel.contract;

import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.artstore.kernel.error.ApiException;

/** The health of a storage element as the registry records it. */
public enum StorageElementStatus {
    ONLINE, OFFLINE, DEGRADED, MAINTENANCE;

    @JsonValue
    public String value() {
        return ContractValues.of(this);
    }

    public static Optional<StorageElementStatus> parse(String value) {
        return ContractValues.parse(StorageElementStatus.class, value);
    }

    /** For request fields and parameters: 400 {@code VALIDATION_ERROR} naming {@code field} when not a storage element status. */
    public static StorageElementStatus require(String field, String value) {
        return parse(value).orElseThrow(() -> ApiException.validation(
                field + ": must be one of " + ContractValues.list(StorageElementStatus.class)));
    }

    @JsonCreator
    static StorageElementStatus fromJson(String value) {
        return parse(value).orElseThrow(() -> new IllegalArgumentException("Unknown storage element status " + value));
    }
}
