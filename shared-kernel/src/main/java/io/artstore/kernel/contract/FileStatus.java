package io.artstore.kernel.contract;

import java.util.Optional;

/** The life-cycle status of a file (on its storage elements and in the registry). */
public enum FileStatus implements ContractValue {
    ACTIVE, EXPIRED, DELETED;

    public static Optional<FileStatus> parse(String value) {
        return ContractValues.parse(FileStatus.class, value);
    }
}
