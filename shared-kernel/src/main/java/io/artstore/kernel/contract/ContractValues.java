package io.artstore.kernel.contract;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The lower-case contract value of an enum constant, and parsing it back. */
final class ContractValues {

    private ContractValues() {
    }

    static String of(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    /** The constant whose value is {@code value} (surrounding blanks and case ignored). */
    static <E extends Enum<E>> Optional<E> parse(Class<E> type, String value) {
        if (value == null) {
            return Optional.empty();
        }
        String wanted = value.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(type.getEnumConstants()).filter(e -> of(e).equals(wanted)).findFirst();
    }

    static String list(Class<? extends Enum<?>> type) {
        return String.join(", ", Arrays.stream(type.getEnumConstants()).map(e -> "'" + of(e) + "'").toList());
    }
}
