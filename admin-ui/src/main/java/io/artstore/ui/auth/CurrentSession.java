package io.artstore.ui.auth;

import jakarta.servlet.http.HttpSession;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** The token session of the HTTP request being handled. */
public final class CurrentSession {

    private CurrentSession() {
    }

    /** The current request's tokens; {@link SessionExpiredException} when there are none. */
    public static TokenSession tokens() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes instanceof ServletRequestAttributes servlet) {
            HttpSession session = servlet.getRequest().getSession(false);
            if (session != null && session.getAttribute(TokenSession.ATTRIBUTE) instanceof TokenSession tokens) {
                return tokens;
            }
        }
        throw new SessionExpiredException("no session tokens");
    }
}
