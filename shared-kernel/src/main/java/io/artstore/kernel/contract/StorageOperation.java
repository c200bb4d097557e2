package io.artstore.kernel.contract;

import java.util.Optional;

/** File operations a storage-element mode may allow; the values of {@code allowed_operations}. */
public enum StorageOperation implements ContractValue {
    UPLOAD, DOWNLOAD, UPDATE, DELETE, LIST;

    public static Optional<StorageOperation> parse(String value) {
        return ContractValues.parse(StorageOperation.class, value);
    }
}
