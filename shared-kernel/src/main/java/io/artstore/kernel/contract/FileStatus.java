package io.artstore.kernel.contract;

import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.artstore.kernel.error.ApiException;

/** The life-cycle status of a file (on its storage elements and in the registry). */
public enum FileStatus {
    ACTIVE, EXPIRED, DELETED;

    @JsonValue
    public String value() {
        return ContractValues.of(this);
    }

    public static Optional<FileStatus> parse(String value) {
        return ContractValues.parse(FileStatus.class, value);
    }

    /** For request fields and parameters: 400 {@code VALIDATION_ERROR} naming {@code field} when not a status. */
    public static FileStatus require(String field, String value) {
        return parse(value).orElseThrow(() -> ApiException.validation(
                field + ": must be one of " + ContractValues.list(FileStatus.class)));
    }

    @JsonCreator
    static FileStatus fromJson(String value) {
        return parse(value).orElseThrow(() -> new IllegalArgumentException("Unknown status " + value));
    }
}
