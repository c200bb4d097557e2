package io.artstore.kernel.contract;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A word of the contract: an enum whose value in JSON, SQL, sidecars and query parameters is
 * its lower-case name. Jackson writes and reads exactly that value (JSON bodies carry the
 * contract's lower-case words); parsing text leniently (query parameters: case and surrounding
 * blanks ignored) and refusing unknown values with a 400 are {@link ContractValues}'s.
 */
public interface ContractValue {

    @JsonValue
    default String value() {
        return ((Enum<?>) this).name().toLowerCase(Locale.ROOT);
    }
}
