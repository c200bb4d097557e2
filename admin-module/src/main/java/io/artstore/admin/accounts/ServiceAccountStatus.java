package io.artstore.admin.accounts;

import java.util.Arrays;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;
import io.artstore.kernel.error.ApiException;

/** Whether a service account may obtain tokens. */
public enum ServiceAccountStatus {
    ACTIVE, SUSPENDED;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the lower-case wire value; anything else is a 400 {@code VALIDATION_ERROR}. */
    public static ServiceAccountStatus parse(String field, String value) {
        return Arrays.stream(values()).filter(s -> s.json().equals(value)).findFirst()
                .orElseThrow(() -> ApiException.validation(field + ": must be one of active, suspended"));
    }
}
