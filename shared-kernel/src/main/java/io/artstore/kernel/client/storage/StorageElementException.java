package io.artstore.kernel.client.storage;

import io.artstore.kernel.error.ApiException;
import io.artstore.kernel.error.ErrorCode;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * A storage element answered with an error in the common format. Carries its status and
 * code so a caller may pass them through (admin-module does for mode transitions) or map
 * them (ingester turns 5xx into 502).
 */
public class StorageElementException extends ApiException {

    private final String remoteCode;

    public StorageElementException(HttpStatus status, ErrorCode code, String remoteCode, String message) {
        super(code, status, message, HttpHeaders.EMPTY, null);
        this.remoteCode = remoteCode;
    }

    /** The error code exactly as the storage element sent it. */
    public String remoteCode() {
        return remoteCode;
    }
}
