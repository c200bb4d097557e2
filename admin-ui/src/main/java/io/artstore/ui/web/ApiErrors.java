package io.artstore.ui.web;

import java.util.Set;

import io.artstore.ui.api.AdminApiException;

/** Turns an admin-module error into a message of the bundle (codes we know get their own text). */
public final class ApiErrors {

    private static final Set<String> KNOWN = Set.of("CONFLICT", "VALIDATION_ERROR", "NOT_FOUND", "FORBIDDEN",
            "NOT_LOCKED", "INVALID_TRANSITION", "CONFIRMATION_REQUIRED", "SE_UNAVAILABLE", "UNAVAILABLE",
            "MODE_NOT_ALLOWED");

    private ApiErrors() {
    }

    /** Shows the modal {@code template} again with the error (403 and 401 go to the general handling). */
    public static String modal(jakarta.servlet.http.HttpServletRequest request, org.springframework.ui.Model model,
                               AdminApiException ex, String template) {
        if (ex.status() == 403 || ex.status() == 401) {
            throw ex;
        }
        model.addAttribute("error", flash(ex));
        return Htmx.modal(request, model, template);
    }

    public static Flash flash(AdminApiException ex) {
        String message = ex.getMessage() == null ? "" : ex.getMessage();
        if (KNOWN.contains(ex.code())) {
            return Flash.error("api.error." + ex.code(), message);
        }
        return Flash.error("api.error.other", ex.code(), message);
    }
}
