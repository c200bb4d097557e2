package io.artstore.kernel.security;

import java.io.IOException;

import io.artstore.kernel.error.ApiErrorWriter;
import io.artstore.kernel.error.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 403 in the common error format. */
public class JsonAccessDeniedHandler implements AccessDeniedHandler {

    private final ApiErrorWriter writer;

    public JsonAccessDeniedHandler(ApiErrorWriter writer) {
        this.writer = writer;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
            throws IOException {
        writer.write(response, HttpServletResponse.SC_FORBIDDEN, ErrorCode.FORBIDDEN,
                "Insufficient permissions for this operation");
    }
}
