package io.artstore.kernel.error;

import java.io.IOException;
import java.io.InputStream;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the error answer of another ArtStore service: the one place that parses the common
 * error body {@code {"error":{"code":"...","message":"..."}}} on the client side.
 */
public final class ApiErrors {

    /**
     * Error bodies are a few hundred bytes; an error page of a proxy may be anything, so only
     * this much of it is read (a cut-off body is not our format and keeps the status's code).
     */
    static final int MAX_BODY = 64 * 1024;

    /** Immutable once built, so one parser serves every thread. */
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ApiErrors() {
    }

    /**
     * The error answered with {@code status} and {@code body}: the code and message as the
     * service sent them. A body that is not the common format (empty, another JSON shape, the
     * HTML page of a proxy) gives the code of the status ({@link ErrorCode#forStatus}) and a
     * null message; a common-format body without a code gets the status's code, one without a
     * message a null message.
     */
    public static ApiError read(int status, byte[] body) {
        String fallback = ErrorCode.forStatus(status).name();
        if (body == null || body.length == 0) {
            return new ApiError(new ApiError.Detail(fallback, null));
        }
        JsonNode error;
        try {
            error = JSON.readTree(body).path("error");
        } catch (JacksonException ex) {
            return new ApiError(new ApiError.Detail(fallback, null));
        }
        JsonNode code = error.path("code");
        JsonNode message = error.path("message");
        return new ApiError(new ApiError.Detail(
                code.isString() && !code.asString().isBlank() ? code.asString() : fallback,
                message.isString() ? message.asString() : null));
    }

    /** {@link #read(int, byte[])} of at most {@value #MAX_BODY} bytes of {@code body}, which it closes. */
    public static ApiError read(int status, InputStream body) {
        if (body == null) {
            return read(status, (byte[]) null);
        }
        try (InputStream in = body) {
            return read(status, in.readNBytes(MAX_BODY));
        } catch (IOException ex) {
            // the connection broke while the error was read: all that is known is the status
            return read(status, (byte[]) null);
        }
    }

    /**
     * The error as an {@link ApiException} with the sent code mapped by {@link ErrorCode#parse}
     * (an unknown one to the status's code), the status kept and the message prefixed with
     * {@code source} (the service that answered); with no message, the status is the message.
     */
    public static ApiException exception(String source, int status, byte[] body, Throwable cause) {
        ApiError.Detail error = read(status, body).error();
        String message = error.message() != null ? error.message() : "HTTP " + status;
        HttpStatus httpStatus = HttpStatus.resolve(status);
        ErrorCode code = code(error, status);
        return new ApiException(code, httpStatus != null ? httpStatus : code.status(), source + ": " + message,
                HttpHeaders.EMPTY, cause);
    }

    /** The {@link ErrorCode} of a read error: the one it names, else the status's. */
    public static ErrorCode code(ApiError.Detail error, int status) {
        return ErrorCode.parse(error.code(), status);
    }
}
