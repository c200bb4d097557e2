package io.artstore.ui.web;

import java.util.Locale;

import io.artstore.ui.auth.AdminPrincipal;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Attributes every page uses: who is logged in, whether they may change things, the language. */
@ControllerAdvice
public class GlobalModel {

    @ModelAttribute("me")
    public AdminPrincipal me(Authentication authentication) {
        return authentication != null && authentication.getPrincipal() instanceof AdminPrincipal principal
                ? principal : null;
    }

    @ModelAttribute("canWrite")
    public boolean canWrite(Authentication authentication) {
        AdminPrincipal principal = me(authentication);
        return principal != null && principal.isAdmin();
    }

    @ModelAttribute("lang")
    public String lang(Locale locale) {
        return "ru".equals(locale.getLanguage()) ? "ru" : "en";
    }

    @ModelAttribute("currentPath")
    public String currentPath(HttpServletRequest request) {
        return request.getRequestURI();
    }
}
