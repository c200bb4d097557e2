package io.artstore.kernel.error;

import java.io.IOException;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replaces Spring Boot's whitelabel error page: errors raised by the servlet container or
 * by filters before Spring MVC (bad request lines, oversized bodies, ...) are rendered in
 * the common format too.
 */
@RestController
public class ApiErrorController implements ErrorController {

    private final ApiErrorWriter writer;

    public ApiErrorController(ApiErrorWriter writer) {
        this.writer = writer;
    }

    @RequestMapping("${server.error.path:/error}")
    public void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object attribute = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = attribute instanceof Integer code ? code : HttpServletResponse.SC_NOT_FOUND;
        if (status < 400) {
            status = HttpServletResponse.SC_NOT_FOUND;
        }
        ErrorCode code = ErrorCode.forStatus(status);
        String message = switch (code) {
            case NOT_FOUND -> "No such endpoint";
            case INTERNAL_ERROR -> "Internal server error";
            case FILE_TOO_LARGE -> "Request body exceeds the allowed size";
            case UNAUTHORIZED -> "Authentication required";
            case FORBIDDEN -> "Insufficient permissions for this operation";
            case METHOD_NOT_ALLOWED -> "Method not allowed";
            case UNSUPPORTED_MEDIA_TYPE -> "Unsupported content type";
            default -> "Request could not be processed";
        };
        writer.write(response, status, code, message);
    }
}
