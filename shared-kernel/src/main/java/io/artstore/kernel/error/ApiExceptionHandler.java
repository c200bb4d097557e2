package io.artstore.kernel.error;

import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * The one place where failures inside Spring MVC become the common error body. Anything
 * not recognised is a 500 {@code INTERNAL_ERROR}: logged here with its stack trace, never
 * shown to the client.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ApiError> api(ApiException ex) {
        if (ex.status().is5xxServerError()) {
            log.warn("{}: {}", ex.code(), ex.getMessage(), ex.getCause());
        }
        return ResponseEntity.status(ex.status()).headers(ex.headers()).body(ApiError.of(ex.code(), ex.getMessage()));
    }

    @ExceptionHandler(BindException.class)
    ResponseEntity<ApiError> bind(BindException ex) {
        String message = ex.getBindingResult().getAllErrors().stream()
                .map(error -> {
                    if (error instanceof FieldError field) {
                        String name = SnakeCase.of(field.getField());
                        return field.isBindingFailure()
                                ? name + ": invalid value '" + field.getRejectedValue() + "'"
                                : name + ": " + field.getDefaultMessage();
                    }
                    return error.getDefaultMessage();
                })
                .sorted()
                .collect(Collectors.joining("; "));
        return validation(message.isEmpty() ? "Invalid request" : message);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ApiError> methodValidation(HandlerMethodValidationException ex) {
        String message = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> parameterName(result.getMethodParameter()) + ": " + messageOf(error)))
                .sorted()
                .collect(Collectors.joining("; "));
        return validation(message.isEmpty() ? "Invalid request" : message);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ApiError> constraintViolation(ConstraintViolationException ex) {
        String message = ex.getConstraintViolations().stream()
                .map(v -> SnakeCase.of(lastNode(v.getPropertyPath().toString())) + ": " + v.getMessage())
                .sorted()
                .collect(Collectors.joining("; "));
        return validation(message);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException ex) {
        return validation(describeUnreadable(ex));
    }

    @ExceptionHandler(TypeMismatchException.class)
    ResponseEntity<ApiError> typeMismatch(TypeMismatchException ex) {
        String name = ex.getPropertyName() != null ? ex.getPropertyName() : "parameter";
        String type = ex.getRequiredType() != null ? friendlyType(ex.getRequiredType()) : "value";
        return validation(SnakeCase.of(name) + ": '" + ex.getValue() + "' is not a valid " + type);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ApiError> missingParameter(MissingServletRequestParameterException ex) {
        return validation("Required parameter '" + ex.getParameterName() + "' is missing");
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ResponseEntity<ApiError> missingPart(MissingServletRequestPartException ex) {
        return validation("Required part '" + ex.getRequestPartName() + "' is missing");
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<ApiError> missingHeader(MissingRequestHeaderException ex) {
        return validation("Required header '" + ex.getHeaderName() + "' is missing");
    }

    @ExceptionHandler(ServletRequestBindingException.class)
    ResponseEntity<ApiError> binding(ServletRequestBindingException ex) {
        return validation("Invalid request: " + Objects.requireNonNullElse(ex.getBody().getDetail(), "cannot bind request"));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ApiError> methodNotSupported(HttpRequestMethodNotSupportedException ex) {
        HttpHeaders headers = new HttpHeaders();
        if (ex.getSupportedHttpMethods() != null) {
            headers.setAllow(ex.getSupportedHttpMethods());
        }
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED).headers(headers)
                .body(ApiError.of(ErrorCode.METHOD_NOT_ALLOWED, "Method " + ex.getMethod() + " is not allowed here"));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ApiError> mediaTypeNotSupported(HttpMediaTypeNotSupportedException ex) {
        String supported = ex.getSupportedMediaTypes().stream().map(Object::toString).collect(Collectors.joining(", "));
        return error(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Content type '" + ex.getContentType() + "' is not supported"
                + (supported.isEmpty() ? "" : "; use " + supported));
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ApiError> notAcceptable(HttpMediaTypeNotAcceptableException ex) {
        return error(ErrorCode.NOT_ACCEPTABLE, "No acceptable representation for the requested media types");
    }

    @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class})
    ResponseEntity<ApiError> noHandler(Exception ex) {
        return error(ErrorCode.NOT_FOUND, "No such endpoint");
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ApiError> tooLarge(MaxUploadSizeExceededException ex) {
        return error(ErrorCode.FILE_TOO_LARGE, "Request body exceeds the allowed size");
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ApiError> accessDenied(AccessDeniedException ex) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken) {
            return error(ErrorCode.UNAUTHORIZED, "Authentication required");
        }
        return error(ErrorCode.FORBIDDEN, "Insufficient permissions for this operation");
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ApiError> authentication(AuthenticationException ex) {
        return error(ErrorCode.UNAUTHORIZED, "Authentication required");
    }

    @ExceptionHandler(AsyncRequestNotUsableException.class)
    void clientGone(AsyncRequestNotUsableException ex) {
        log.debug("Client went away: {}", ex.getMessage());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> unexpected(Exception ex) {
        if (ex instanceof ErrorResponse framework && !framework.getStatusCode().is5xxServerError()) {
            HttpStatusCode status = framework.getStatusCode();
            String detail = framework.getBody().getDetail();
            ErrorCode code = ErrorCode.forStatus(status.value());
            return ResponseEntity.status(status).headers(framework.getHeaders())
                    .body(ApiError.of(code, detail != null ? detail : code.name()));
        }
        if (DatabaseOutage.causedBy(ex)) {
            log.warn("Database unavailable: {}", DatabaseOutage.describe(ex));
            return error(ErrorCode.SERVICE_UNAVAILABLE, "Database unavailable, try again later");
        }
        log.error("Unexpected failure", ex);
        return error(ErrorCode.INTERNAL_ERROR, "Internal server error");
    }

    private static ResponseEntity<ApiError> validation(String message) {
        return error(ErrorCode.VALIDATION_ERROR, message);
    }

    private static ResponseEntity<ApiError> error(ErrorCode code, String message) {
        return ResponseEntity.status(code.status()).body(ApiError.of(code, message));
    }

    private static String describeUnreadable(HttpMessageNotReadableException ex) {
        Throwable cause = ex.getMostSpecificCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return "Unknown field '" + unknown.getPropertyName() + "'";
        }
        if (cause instanceof InvalidFormatException invalid) {
            return fieldPath(invalid) + ": invalid value '" + invalid.getValue() + "'";
        }
        if (cause instanceof JacksonException json) {
            String path = fieldPath(json);
            return path.isEmpty() ? "Malformed JSON request body" : path + ": invalid value";
        }
        // a value refused by a @JsonCreator (the contract enums): the most specific cause is its
        // IllegalArgumentException, the JacksonException around it knows the field
        for (Throwable t = ex.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof JacksonException json && !fieldPath(json).isEmpty()) {
                return fieldPath(json) + ": invalid value";
            }
        }
        return "Malformed or missing request body";
    }

    private static String fieldPath(JacksonException ex) {
        return ex.getPath().stream()
                .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    private static String parameterName(org.springframework.core.MethodParameter parameter) {
        String name = parameter.getParameterName();
        return name == null ? "parameter" : SnakeCase.of(name);
    }

    private static String messageOf(MessageSourceResolvable error) {
        return Objects.requireNonNullElse(error.getDefaultMessage(), "invalid value");
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    private static String friendlyType(Class<?> type) {
        if (type == java.util.UUID.class) {
            return "UUID";
        }
        if (type.isEnum()) {
            return "value (one of " + java.util.Arrays.stream(type.getEnumConstants())
                    .map(c -> c.toString().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")) + ")";
        }
        return type.getSimpleName().toLowerCase(Locale.ROOT);
    }
}
