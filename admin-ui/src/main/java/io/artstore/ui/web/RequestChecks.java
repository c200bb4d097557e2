package io.artstore.ui.web;

import java.util.Collection;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Malformed addresses are answered here, before admin-module is asked (whose 400 for them
 * would otherwise look like an outage): an object id that is no UUID names no object (404);
 * a filter or paging value outside its range is a bad request (400). Both end on the
 * localised error page ({@link UiErrorController}).
 */
public final class RequestChecks {

    /** admin-module's object ids (SEs, files, admin users, service accounts) are UUIDs. */
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private RequestChecks() {
    }

    public static boolean isObjectId(String value) {
        return value != null && UUID.matcher(value).matches();
    }

    /** A filter: empty (no filter) or one of {@code allowed}; otherwise 400. */
    public static void oneOf(String name, String value, Collection<String> allowed) {
        if (value != null && !value.isEmpty() && !allowed.contains(value)) {
            throw badRequest(name);
        }
    }

    /** A filter naming an object: empty or a UUID; otherwise 400. */
    public static void objectId(String name, String value) {
        if (value != null && !value.isEmpty() && !isObjectId(value)) {
            throw badRequest(name);
        }
    }

    /** The offset of 1-based {@code page} (absent: the first) in pages of {@code pageSize}; out of range: 400. */
    public static int offset(Integer page, int pageSize) {
        if (page == null) {
            return 0;
        }
        if (page < 1 || page > Integer.MAX_VALUE / pageSize) {
            throw badRequest("page");
        }
        return (page - 1) * pageSize;
    }

    private static ResponseStatusException badRequest(String parameter) {
        return new ResponseStatusException(HttpStatus.BAD_REQUEST, "invalid parameter " + parameter);
    }

    /** The path variable {@code id} of every UI route is an object id: not a UUID → 404. */
    static final class ObjectIdInterceptor implements HandlerInterceptor {

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
                throws java.io.IOException {
            if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables
                    && variables.get("id") instanceof String id && !isObjectId(id)) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return false;
            }
            return true;
        }
    }
}
