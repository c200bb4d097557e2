package io.artstore.kernel.error;

import org.springframework.http.HttpStatus;

/**
 * Every machine-readable error code ArtStore services answer with, each with the HTTP
 * status it is normally sent with. One list for the whole system, so a client can rely
 * on the same code meaning the same thing everywhere.
 */
public enum ErrorCode {
    VALIDATION_ERROR(HttpStatus.BAD_REQUEST),
    INVALID_RANGE(HttpStatus.BAD_REQUEST),
    UNAUTHORIZED(HttpStatus.UNAUTHORIZED),
    INVALID_CREDENTIALS(HttpStatus.UNAUTHORIZED),
    INVALID_REFRESH_TOKEN(HttpStatus.UNAUTHORIZED),
    SECRET_EXPIRED(HttpStatus.UNAUTHORIZED),
    FORBIDDEN(HttpStatus.FORBIDDEN),
    NOT_FOUND(HttpStatus.NOT_FOUND),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED),
    NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE),
    CONFLICT(HttpStatus.CONFLICT),
    MODE_NOT_ALLOWED(HttpStatus.CONFLICT),
    INVALID_TRANSITION(HttpStatus.CONFLICT),
    CONFIRMATION_REQUIRED(HttpStatus.CONFLICT),
    RECONCILE_IN_PROGRESS(HttpStatus.CONFLICT),
    NOT_LOCKED(HttpStatus.CONFLICT),
    /** The storage element's copy failed its checksum check: it is never served, another copy is. */
    COPY_CORRUPT(HttpStatus.CONFLICT),
    SCRUB_IN_PROGRESS(HttpStatus.CONFLICT),
    PRECONDITION_FAILED(HttpStatus.PRECONDITION_FAILED),
    FILE_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE),
    /** The bytes received do not have the checksum the sender declared; nothing was kept. */
    CHECKSUM_MISMATCH(HttpStatus.UNPROCESSABLE_CONTENT),
    RANGE_NOT_SATISFIABLE(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE),
    ACCOUNT_LOCKED(HttpStatus.LOCKED),
    TOO_MANY_REQUESTS(HttpStatus.TOO_MANY_REQUESTS),
    INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR),
    SE_UNAVAILABLE(HttpStatus.BAD_GATEWAY),
    SE_UPLOAD_FAILED(HttpStatus.BAD_GATEWAY),
    ADMIN_UNAVAILABLE(HttpStatus.BAD_GATEWAY),
    SERVICE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE),
    /** A resource server cannot verify tokens: admin-module's signing keys cannot be had. */
    AUTH_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE),
    STORAGE_FULL(HttpStatus.INSUFFICIENT_STORAGE),
    NO_STORAGE_AVAILABLE(HttpStatus.INSUFFICIENT_STORAGE);

    private final HttpStatus status;

    ErrorCode(HttpStatus status) {
        this.status = status;
    }

    public HttpStatus status() {
        return status;
    }

    /** The code named {@code name} (as another service sent it), else the one for {@code status}. */
    public static ErrorCode parse(String name, int status) {
        for (ErrorCode code : values()) {
            if (code.name().equals(name)) {
                return code;
            }
        }
        return forStatus(status);
    }

    /** The code that best describes a bare HTTP status, for errors raised outside our code. */
    public static ErrorCode forStatus(int status) {
        return switch (status) {
            case 400 -> VALIDATION_ERROR;
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 409 -> CONFLICT;
            case 412 -> PRECONDITION_FAILED;
            case 413 -> FILE_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 416 -> RANGE_NOT_SATISFIABLE;
            case 423 -> ACCOUNT_LOCKED;
            case 429 -> TOO_MANY_REQUESTS;
            case 502 -> SE_UNAVAILABLE;
            case 503 -> SERVICE_UNAVAILABLE;
            case 507 -> STORAGE_FULL;
            default -> status >= 400 && status < 500 ? VALIDATION_ERROR : INTERNAL_ERROR;
        };
    }
}
