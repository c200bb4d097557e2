package io.artstore.kernel.security;

import java.io.IOException;

import com.nimbusds.jose.KeySourceException;
import io.artstore.kernel.error.ApiErrorWriter;
import io.artstore.kernel.error.ErrorCode;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * What a resource server answers when a bearer token could not be accepted. A token that cannot
 * be checked because admin-module's signing keys cannot be had (never fetched, and the JWKS URL
 * unreachable) is not the client's fault: 503 {@code AUTH_UNAVAILABLE} with {@code Retry-After},
 * where Spring Security would rethrow and the container answer 500. Everything else goes the
 * usual way (401 through the entry point).
 */
public class BearerTokenFailureHandler implements AuthenticationFailureHandler {

    private static final Logger log = LoggerFactory.getLogger(BearerTokenFailureHandler.class);
    static final String RETRY_AFTER_SECONDS = "10";

    private final ApiErrorWriter writer;
    private final AuthenticationFailureHandler usual;

    public BearerTokenFailureHandler(ApiErrorWriter writer, JsonAuthenticationEntryPoint entryPoint) {
        this.writer = writer;
        this.usual = new AuthenticationEntryPointFailureHandler(entryPoint);
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException exception) throws IOException, ServletException {
        if (exception instanceof AuthenticationServiceException && keysUnavailable(exception)) {
            log.warn("Refused a request with 503: token signing keys unavailable ({})", exception.getMessage());
            response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
            writer.write(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, ErrorCode.AUTH_UNAVAILABLE,
                    "Access tokens cannot be verified right now: the signing keys of admin-module are unavailable");
            return;
        }
        usual.onAuthenticationFailure(request, response, exception);
    }

    private static boolean keysUnavailable(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof KeySourceException) {
                return true;
            }
        }
        return false;
    }
}
