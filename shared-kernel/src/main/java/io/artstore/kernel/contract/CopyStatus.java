package io.artstore.kernel.contract;

import java.util.Optional;

/**
 * The state of one copy of a file on one storage element: {@code ok} (present, last check
 * good), {@code pending} (being made), {@code missing} (not found on its SE), {@code corrupt}
 * (its bytes fail the checksum; never served).
 */
public enum CopyStatus implements ContractValue {
    OK, PENDING, MISSING, CORRUPT;

    public static Optional<CopyStatus> parse(String value) {
        return ContractValues.parse(CopyStatus.class, value);
    }
}
