package io.artstore.ui.web;

import java.io.IOException;

import io.artstore.ui.api.AdminApiException;
import io.artstore.ui.auth.LoginRedirect;
import io.artstore.ui.auth.Refusals;
import io.artstore.ui.auth.SessionExpiredException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors from admin-module that a controller did not handle itself: 400/403/404 become the
 * HTML error pages, anything else (admin-module down or failing) the "service not
 * available" page; a session whose tokens could not be refreshed, or whose token
 * admin-module rejects, is logged out and sent to the login page (back here afterwards).
 */
@ControllerAdvice
public class UiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(UiExceptionHandler.class);

    private final Refusals refusals;

    public UiExceptionHandler(Refusals refusals) {
        this.refusals = refusals;
    }

    @ExceptionHandler(SessionExpiredException.class)
    public ModelAndView expired(SessionExpiredException ex, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
        refusals.sessionEnded();
        LoginRedirect.send(request, response, true);
        return null; // the answer (redirect or HX-Redirect) is complete
    }

    @ExceptionHandler(AdminApiException.class)
    public ModelAndView api(AdminApiException ex, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (ex.status() == 401) {
            // admin-module no longer accepts the session's token: the session is over
            log.info("admin-module rejected the session's token ({}); the session ends", ex.code());
            return expired(new SessionExpiredException("admin-module answered 401"), request, response);
        }
        int status = switch (ex.status()) {
            // a malformed id or filter admin-module refused is the request's fault, not an outage
            case 400, 422 -> 400;
            case 403 -> 403;
            case 404 -> 404;
            default -> 502;
        };
        if (status == 502) {
            log.warn("admin-module call failed: {} {} {}", ex.status(), ex.code(), ex.getMessage());
        }
        ModelAndView view = new ModelAndView("error/" + (status == 502 ? "upstream" : String.valueOf(status)));
        view.addObject("error", ApiErrors.flash(ex));
        view.setStatus(HttpStatusCode.valueOf(status));
        if (Htmx.isHtmx(request)) {
            // show the message in the page's alert area instead of swapping a whole error page
            response.setHeader("HX-Retarget", "#alerts");
            response.setHeader("HX-Reswap", "innerHTML");
            view.setViewName("fragments/alert :: api-error");
        }
        return view;
    }
}
