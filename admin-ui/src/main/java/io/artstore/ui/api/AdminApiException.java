package io.artstore.ui.api;

/**
 * An error answer of admin-module (or query-module): HTTP status plus the common error
 * body's {@code code} and {@code message}. {@code status} 0 means the service could not be
 * reached at all.
 */
public class AdminApiException extends RuntimeException {

    public static final String UNAVAILABLE = "UNAVAILABLE";

    private final int status;
    private final String code;

    public AdminApiException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public AdminApiException(String message, Throwable cause) {
        super(message, cause);
        this.status = 0;
        this.code = UNAVAILABLE;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public boolean unavailable() {
        return status == 0;
    }
}
