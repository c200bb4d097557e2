package io.artstore.kernel.contract;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import io.artstore.kernel.error.ApiException;

/** Parsing the text form of a {@link ContractValue} back into its constant. */
public final class ContractValues {

    private ContractValues() {
    }

    /** The constant whose value is {@code value} (surrounding blanks and case ignored); empty when none. */
    public static <E extends Enum<E> & ContractValue> Optional<E> parse(Class<E> type, String value) {
        if (value == null) {
            return Optional.empty();
        }
        String wanted = value.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.value().equals(wanted)).findFirst();
    }

    /**
     * For request fields and parameters: the constant, or 400 {@code VALIDATION_ERROR} naming
     * {@code field} and the allowed values.
     */
    public static <E extends Enum<E> & ContractValue> E require(Class<E> type, String field, String value) {
        return parse(type, value).orElseThrow(() -> ApiException.validation(field + ": must be one of " + list(type)));
    }

    /** The allowed values, quoted, for messages. */
    public static String list(Class<? extends ContractValue> type) {
        return String.join(", ", Arrays.stream(type.getEnumConstants()).map(e -> "'" + e.value() + "'").toList());
    }
}
