package io.artstore.ui.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Container-level errors (403 from the security filters, 404 for unknown paths, 500) as
 * HTML pages whatever the request accepts: this is a browser application. No details of
 * the failure reach the page.
 */
@Controller
public class UiErrorController implements ErrorController {

    @RequestMapping("/error")
    public ModelAndView error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer value ? value : 500;
        String view = switch (status) {
            case 403, 404 -> "error/" + status;
            default -> status >= 400 && status < 500 ? "error/4xx" : "error/5xx";
        };
        ModelAndView page = new ModelAndView(view);
        page.addObject("status", status);
        page.setStatus(HttpStatus.valueOf(status));
        return page;
    }
}
