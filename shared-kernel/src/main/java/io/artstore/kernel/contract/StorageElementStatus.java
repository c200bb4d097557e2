package io.artstore.kernel.contract;

import java.util.Optional;

/** The health of a storage element as the registry records it. */
public enum StorageElementStatus implements ContractValue {
    ONLINE, OFFLINE, DEGRADED, MAINTENANCE;

    public static Optional<StorageElementStatus> parse(String value) {
        return ContractValues.parse(StorageElementStatus.class, value);
    }
}
