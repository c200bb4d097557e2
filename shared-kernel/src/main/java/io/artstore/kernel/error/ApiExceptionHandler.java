package io.artstore.kernel.error;

import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

import io.artstore.kernel.contract.ContractValue;
import io.artstore.kernel.contract.ContractValues;
import jakarta.servlet.http.HttpServletResponse;
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
import org.springframework.web.bind.MissingPathVariableException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * The one place where failures inside Spring MVC become the common error body. Spring's
 * {@link ResponseEntityExceptionHandler} picks the status (and headers such as {@code Allow})
 * of every MVC exception it knows; {@link #handleExceptionInternal} writes them in the common
 * format instead of a problem detail. The handlers here cover what it does not: ArtStore's
 * {@link ApiException}, bean validation outside MVC, security, and anything else, which is a
 * 500 {@code INTERNAL_ERROR}: logged here with its stack trace, never shown to the client.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ApiError> api(ApiException ex) {
        if (ex.status().is5xxServerError()) {
            log.warn("{}: {}", ex.code(), ex.getMessage(), ex.getCause());
        }
        return ResponseEntity.status(ex.status()).headers(ex.headers()).body(ApiError.of(ex.code(), ex.getMessage()));
    }

    /** A bind failure outside a request body ({@code MethodArgumentNotValidException} goes through the base class). */
    @ExceptionHandler(BindException.class)
    ResponseEntity<ApiError> bind(BindException ex) {
        return validation(describeBinding(ex));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ApiError> constraintViolation(ConstraintViolationException ex) {
        String message = ex.getConstraintViolations().stream()
                .map(v -> SnakeCase.of(lastNode(v.getPropertyPath().toString())) + ": " + v.getMessage())
                .sorted()
                .collect(Collectors.joining("; "));
        return validation(message);
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

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> unexpected(Exception ex) {
        if (ex instanceof ErrorResponse framework && !framework.getStatusCode().is5xxServerError()) {
            HttpStatusCode status = framework.getStatusCode();
            return ResponseEntity.status(status).headers(framework.getHeaders()).body(fromStatus(framework, status));
        }
        return failure(ex);
    }

    /**
     * Every MVC exception the base class handles ends here, with the status it chose: the body
     * becomes the common format, with ArtStore's wording for the failures clients meet most.
     * Server-side failures (5xx) are logged and answered 500 {@code INTERNAL_ERROR}, as any
     * unexpected failure; a response already committed is left alone, as the base class does.
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        if (request instanceof ServletWebRequest servlet) {
            HttpServletResponse response = servlet.getResponse();
            if (response != null && response.isCommitted()) {
                log.debug("Response already committed, not answering {}", ex.toString());
                return null;
            }
        }
        if (status.is5xxServerError()) {
            ResponseEntity<ApiError> failure = failure(ex);
            return ResponseEntity.status(failure.getStatusCode()).body(failure.getBody());
        }
        return ResponseEntity.status(status).headers(headers).body(describe(ex, status));
    }

    /** A 400 like every other request-binding failure (the base class makes it a 500), as before it took over. */
    @Override
    protected ResponseEntity<Object> handleMissingPathVariable(MissingPathVariableException ex, HttpHeaders headers,
                                                               HttpStatusCode status, WebRequest request) {
        return handleExceptionInternal(ex, null, headers, HttpStatus.BAD_REQUEST, request);
    }

    /** The common-format body of a 4xx MVC exception. */
    private static ApiError describe(Exception ex, HttpStatusCode status) {
        return switch (ex) {
            case BindException bind -> validationError(describeBinding(bind));
            case HandlerMethodValidationException invalid -> validationError(describeMethodValidation(invalid));
            case HttpMessageNotReadableException unreadable -> validationError(describeUnreadable(unreadable));
            case TypeMismatchException mismatch -> validationError(describeMismatch(mismatch));
            case MissingServletRequestParameterException missing ->
                    validationError("Required parameter '" + missing.getParameterName() + "' is missing");
            case MissingServletRequestPartException missing ->
                    validationError("Required part '" + missing.getRequestPartName() + "' is missing");
            case MissingRequestHeaderException missing ->
                    validationError("Required header '" + missing.getHeaderName() + "' is missing");
            case ServletRequestBindingException binding -> validationError("Invalid request: "
                    + Objects.requireNonNullElse(binding.getBody().getDetail(), "cannot bind request"));
            case HttpRequestMethodNotSupportedException method ->
                    ApiError.of(ErrorCode.METHOD_NOT_ALLOWED, "Method " + method.getMethod() + " is not allowed here");
            case HttpMediaTypeNotSupportedException media -> ApiError.of(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                    describeUnsupported(media));
            case HttpMediaTypeNotAcceptableException ignored ->
                    ApiError.of(ErrorCode.NOT_ACCEPTABLE, "No acceptable representation for the requested media types");
            case NoResourceFoundException ignored -> ApiError.of(ErrorCode.NOT_FOUND, "No such endpoint");
            case NoHandlerFoundException ignored -> ApiError.of(ErrorCode.NOT_FOUND, "No such endpoint");
            case MaxUploadSizeExceededException ignored ->
                    ApiError.of(ErrorCode.FILE_TOO_LARGE, "Request body exceeds the allowed size");
            case ErrorResponse framework -> fromStatus(framework, status);
            default -> ApiError.of(ErrorCode.forStatus(status.value()), ErrorCode.forStatus(status.value()).name());
        };
    }

    /** A framework error with its status: the code for that status, its own detail as the message. */
    private static ApiError fromStatus(ErrorResponse framework, HttpStatusCode status) {
        String detail = framework.getBody().getDetail();
        ErrorCode code = ErrorCode.forStatus(status.value());
        return ApiError.of(code, detail != null ? detail : code.name());
    }

    /** A failure that is not the client's: logged, and a 500 without details (503 for a database outage). */
    private static ResponseEntity<ApiError> failure(Exception ex) {
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

    private static ApiError validationError(String message) {
        return ApiError.of(ErrorCode.VALIDATION_ERROR, message);
    }

    private static ResponseEntity<ApiError> error(ErrorCode code, String message) {
        return ResponseEntity.status(code.status()).body(ApiError.of(code, message));
    }

    private static String describeBinding(BindException ex) {
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
        return message.isEmpty() ? "Invalid request" : message;
    }

    private static String describeMethodValidation(HandlerMethodValidationException ex) {
        String message = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> parameterName(result.getMethodParameter()) + ": " + messageOf(error)))
                .sorted()
                .collect(Collectors.joining("; "));
        return message.isEmpty() ? "Invalid request" : message;
    }

    private static String describeMismatch(TypeMismatchException ex) {
        String name = ex.getPropertyName() != null ? ex.getPropertyName() : "parameter";
        String type = ex.getRequiredType() != null ? friendlyType(ex.getRequiredType()) : "value";
        return SnakeCase.of(name) + ": '" + ex.getValue() + "' is not a valid " + type;
    }

    private static String describeUnsupported(HttpMediaTypeNotSupportedException ex) {
        String supported = ex.getSupportedMediaTypes().stream().map(Object::toString).collect(Collectors.joining(", "));
        return "Content type '" + ex.getContentType() + "' is not supported" + (supported.isEmpty() ? "" : "; use " + supported);
    }

    private static String describeUnreadable(HttpMessageNotReadableException ex) {
        Throwable cause = ex.getMostSpecificCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return "Unknown field '" + unknown.getPropertyName() + "'";
        }
        if (cause instanceof InvalidFormatException invalid) {
            if (invalid.getTargetType() != null && ContractValue.class.isAssignableFrom(invalid.getTargetType())) {
                return fieldPath(invalid) + ": must be one of "
                        + ContractValues.list(invalid.getTargetType().asSubclass(ContractValue.class));
            }
            return fieldPath(invalid) + ": invalid value '" + invalid.getValue() + "'";
        }
        if (cause instanceof JacksonException json) {
            String path = fieldPath(json);
            return path.isEmpty() ? "Malformed JSON request body" : path + ": invalid value";
        }
        // a value refused by a @JsonCreator: the most specific cause is its exception, the
        // JacksonException around it knows the field
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
