package io.artstore.ui.auth;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import io.artstore.ui.web.Htmx;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;

/**
 * Sends a request to the login page and remembers the page the user was on, so that the
 * login brings them back there: the page itself for a plain GET, the page in
 * {@code HX-Current-URL} for HTMX (not the fragment URL it asked for), the {@code Referer}
 * for a plain form post. Only same-origin relative paths are ever used as a return target
 * (no open redirect).
 */
public final class LoginRedirect {

    /** Query parameter (and login form field) with the page to return to after login. */
    public static final String CONTINUE = "continue";

    private LoginRedirect() {
    }

    /**
     * To the login page: for HTMX an {@code HX-Redirect} (status 401) that htmx follows with
     * a full page load, otherwise a redirect. {@code ended} adds "your session ended".
     */
    public static void send(HttpServletRequest request, HttpServletResponse response, boolean ended)
            throws IOException {
        String url = loginUrl(request, ended);
        if (Htmx.isHtmx(request)) {
            response.setHeader("HX-Redirect", url);
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        response.sendRedirect(url);
    }

    /** The login page's URL with the session-ended flag and the page to return to. */
    public static String loginUrl(HttpServletRequest request, boolean ended) {
        StringBuilder url = new StringBuilder(request.getContextPath()).append("/login");
        String separator = "?";
        if (ended) {
            url.append("?expired");
            separator = "&";
        }
        Optional<String> back = returnPath(request);
        if (back.isPresent()) {
            url.append(separator).append(CONTINUE).append('=').append(URLEncoder.encode(back.get(), StandardCharsets.UTF_8));
        }
        return url.toString();
    }

    /** The page (path and query, below the context path) this request was made from, if it is a safe target. */
    static Optional<String> returnPath(HttpServletRequest request) {
        if (Htmx.isHtmx(request)) {
            return sameOrigin(request, request.getHeader("HX-Current-URL"));
        }
        if ("GET".equals(request.getMethod())) {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            String query = request.getQueryString();
            return safeTarget(query == null ? path : path + "?" + query);
        }
        return sameOrigin(request, request.getHeader(HttpHeaders.REFERER));
    }

    /**
     * {@code target} if it is a path of this application (starts with one slash, no scheme,
     * host, backslash or control character) other than the login/logout/error pages and the
     * dashboard (where a login goes anyway).
     */
    public static Optional<String> safeTarget(String target) {
        if (target == null || target.length() > 2000 || !target.startsWith("/") || target.startsWith("//")
                || target.indexOf('\\') >= 0 || target.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(target);
        } catch (URISyntaxException ex) {
            return Optional.empty();
        }
        String path = uri.getRawPath();
        if (uri.getScheme() != null || uri.getRawAuthority() != null || path == null || uri.getRawFragment() != null
                || path.equals("/") || isOwnPage(path, "/login") || isOwnPage(path, "/logout")
                || isOwnPage(path, "/error")) {
            return Optional.empty();
        }
        return Optional.of(target);
    }

    private static boolean isOwnPage(String path, String page) {
        return path.equals(page) || path.startsWith(page + "/") || path.startsWith(page + ";");
    }

    /** Path and query of an absolute URL of this very server (scheme, host and port as the request's). */
    private static Optional<String> sameOrigin(HttpServletRequest request, String url) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException ex) {
            return Optional.empty();
        }
        if (uri.getScheme() == null || uri.getHost() == null || uri.getRawUserInfo() != null
                || !uri.getScheme().equalsIgnoreCase(request.getScheme())
                || !uri.getHost().equalsIgnoreCase(request.getServerName())
                || port(uri) != request.getServerPort()) {
            return Optional.empty();
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String context = request.getContextPath();
        if (!path.startsWith(context + "/")) {
            return Optional.empty();
        }
        path = path.substring(context.length());
        return safeTarget(uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery());
    }

    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
