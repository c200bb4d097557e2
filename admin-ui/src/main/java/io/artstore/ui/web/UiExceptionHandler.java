package io.artstore.ui.web;

import io.artstore.ui.api.AdminApiException;
import io.artstore.ui.auth.SessionExpiredException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors from admin-module that a controller did not handle itself: 403/404 become the
 * HTML error pages, anything else an "unavailable / failed" page; a session whose tokens
 * could not be refreshed is logged out.
 */
@ControllerAdvice
public class UiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(UiExceptionHandler.class);

    @ExceptionHandler(SessionExpiredException.class)
    public ModelAndView expired(SessionExpiredException ex, HttpServletRequest request, HttpServletResponse response) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
        if (Htmx.isHtmx(request)) {
            response.setHeader("HX-Redirect", "/login?expired");
            return new ModelAndView("fragments/empty");
        }
        return new ModelAndView("redirect:/login?expired");
    }

    @ExceptionHandler(AdminApiException.class)
    public ModelAndView api(AdminApiException ex, HttpServletRequest request, HttpServletResponse response) {
        int status = switch (ex.status()) {
            case 403 -> 403;
            case 404 -> 404;
            default -> 502;
        };
        if (status == 502) {
            log.warn("admin-module call failed: {} {} {}", ex.status(), ex.code(), ex.getMessage());
        }
        ModelAndView view = new ModelAndView("error/" + (status == 502 ? "upstream" : String.valueOf(status)));
        view.addObject("error", ApiErrors.flash(ex));
        if (Htmx.isHtmx(request)) {
            // show the message in the page's alert area instead of swapping a whole error page
            response.setHeader("HX-Retarget", "#alerts");
            response.setHeader("HX-Reswap", "innerHTML");
            view.setViewName("fragments/alert :: api-error");
            return view;
        }
        view.setStatus(org.springframework.http.HttpStatusCode.valueOf(status));
        return view;
    }
}
