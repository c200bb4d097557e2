package io.artstore.kernel.error;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * A failure the client should see as-is: an {@link ErrorCode}, a message safe to show and,
 * rarely, extra response headers (for example {@code Content-Range} on a 416).
 */
public class ApiException extends RuntimeException {

    private final ErrorCode code;
    private final HttpStatus status;
    private final transient HttpHeaders headers;

    public ApiException(ErrorCode code, String message) {
        this(code, code.status(), message, HttpHeaders.EMPTY, null);
    }

    public ApiException(ErrorCode code, String message, Throwable cause) {
        this(code, code.status(), message, HttpHeaders.EMPTY, cause);
    }

    public ApiException(ErrorCode code, HttpStatus status, String message, HttpHeaders headers, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.status = status;
        this.headers = headers;
    }

    public static ApiException notFound(String message) {
        return new ApiException(ErrorCode.NOT_FOUND, message);
    }

    public static ApiException validation(String message) {
        return new ApiException(ErrorCode.VALIDATION_ERROR, message);
    }

    public static ApiException conflict(String message) {
        return new ApiException(ErrorCode.CONFLICT, message);
    }

    public ErrorCode code() {
        return code;
    }

    public HttpStatus status() {
        return status;
    }

    public HttpHeaders headers() {
        return headers;
    }
}
