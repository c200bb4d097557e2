package io.artstore.kernel.contract;

import java.util.Optional;

/** How long a file is kept: {@code temporary} (with a TTL, on an {@code edit} SE) or {@code permanent} (on an {@code rw} SE). */
public enum RetentionPolicy implements ContractValue {
    TEMPORARY(StorageMode.EDIT), PERMANENT(StorageMode.RW);

    private final StorageMode storageMode;

    RetentionPolicy(StorageMode storageMode) {
        this.storageMode = storageMode;
    }

    /** The mode of the storage elements that take new files of this policy. */
    public StorageMode storageMode() {
        return storageMode;
    }

    public static Optional<RetentionPolicy> parse(String value) {
        return ContractValues.parse(RetentionPolicy.class, value);
    }
}
