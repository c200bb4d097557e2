package io.artstore.admin.files;

import io.artstore.kernel.contract.ContractValues;
import io.artstore.kernel.contract.FileStatus;
import io.artstore.kernel.contract.RetentionPolicy;

import java.util.UUID;

/** Filters of the file list; {@code null} = no filter. */
record FileFilter(FileStatus status, RetentionPolicy retentionPolicy, UUID storageElementId, String uploadedBy) {

    /** From the query parameters; 400 naming the parameter when a status or policy is not a contract value. */
    static FileFilter of(String status, String retentionPolicy, UUID storageElementId, String uploadedBy) {
        return new FileFilter(status == null ? null : ContractValues.require(FileStatus.class, "status", status),
                retentionPolicy == null ? null : ContractValues.require(RetentionPolicy.class, "retention_policy", retentionPolicy),
                storageElementId, uploadedBy);
    }
}
