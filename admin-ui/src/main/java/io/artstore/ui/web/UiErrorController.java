package io.artstore.ui.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Container-level errors (403 from the security filters, 400/404 for malformed or unknown
 * paths and parameters, 500) as HTML pages whatever the request accepts: this is a browser
 * application. No details of the failure reach the page.
 */
@Controller
public class UiErrorController implements ErrorController {

    /**
     * Request attribute set (to {@code true}) before a 403 for a stale CSRF token of a live
     * session: the form is older than the session's token, not forbidden for the role.
     */
    public static final String FORM_EXPIRED = UiErrorController.class.getName() + ".formExpired";

    @RequestMapping("/error")
    public ModelAndView error(HttpServletRequest request, HttpServletResponse response) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer value ? value : 500;
        String name = Boolean.TRUE.equals(request.getAttribute(FORM_EXPIRED)) ? "form-expired" : switch (status) {
            case 400, 403, 404 -> String.valueOf(status);
            default -> status >= 400 && status < 500 ? "4xx" : "5xx";
        };
        if (Htmx.isHtmx(request)) {
            if (name.equals("form-expired") && "modal".equals(request.getHeader("HX-Target"))) {
                // inside the dialog whose form was sent: it stays open with what was typed
                response.setHeader("HX-Retarget", "closest .body");
                response.setHeader("HX-Reswap", "afterbegin");
            } else {
                // an HTMX request gets the message in the page's alert area, not a whole page
                response.setHeader("HX-Retarget", "#alerts");
                response.setHeader("HX-Reswap", "innerHTML");
            }
            ModelAndView alert = new ModelAndView("fragments/alert :: "
                    + (name.equals("form-expired") ? "form-expired" : "api-error"));
            alert.addObject("error", Flash.error("error." + name + ".text"));
            alert.setStatus(HttpStatus.valueOf(status));
            return alert;
        }
        ModelAndView page = new ModelAndView("error/" + name);
        page.addObject("status", status);
        page.setStatus(HttpStatus.valueOf(status));
        return page;
    }
}
