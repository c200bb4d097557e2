package io.artstore.kernel.contract;

import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.artstore.kernel.error.ApiException;

/**
 * The state of one copy of a file on one storage element: {@code ok} (present, last check
 * good), {@code pending} (being made), {@code missing} (not found on its SE), {@code corrupt}
 * (its bytes fail the checksum; never served).
 */
public enum CopyStatus {
    OK, PENDING, MISSING, CORRUPT;

    @JsonValue
    public String value() {
        return ContractValues.of(this);
    }

    public static Optional<CopyStatus> parse(String value) {
        return ContractValues.parse(CopyStatus.class, value);
    }

    /** For request fields and parameters: 400 {@code VALIDATION_ERROR} naming {@code field} when not a copy status. */
    public static CopyStatus require(String field, String value) {
        return parse(value).orElseThrow(() -> ApiException.validation(
                field + ": must be one of " + ContractValues.list(CopyStatus.class)));
    }

    @JsonCreator
    static CopyStatus fromJson(String value) {
        return parse(value).orElseThrow(() -> new IllegalArgumentException("Unknown copy status " + value));
    }
}
