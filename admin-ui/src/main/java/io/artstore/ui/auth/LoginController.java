package io.artstore.ui.auth;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The login page; logging out is Spring Security's {@code POST /logout}. */
@Controller
public class LoginController {

    private final LoginService logins;

    public LoginController(LoginService logins) {
        this.logins = logins;
    }

    /** {@code continue}: the page to return to after the login (only a path of this application is used). */
    @GetMapping("/login")
    public String page(@RequestParam(name = LoginRedirect.CONTINUE, required = false) String back,
                       Authentication authentication, Model model) {
        Optional<String> target = LoginRedirect.safeTarget(back);
        if (authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken)) {
            return "redirect:" + target.orElse("/");
        }
        model.addAttribute("returnTo", target.orElse(null));
        return "auth/login";
    }

    @PostMapping("/login")
    public String login(@RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String password,
                        @RequestParam(name = LoginRedirect.CONTINUE, required = false) String back,
                        HttpServletRequest request, HttpServletResponse response, Model model) {
        Optional<String> target = LoginRedirect.safeTarget(back);
        model.addAttribute("returnTo", target.orElse(null));
        if (username.isBlank() || password.isEmpty()) {
            model.addAttribute("error", LoginService.Failure.BAD_CREDENTIALS);
            model.addAttribute("username", username);
            return "auth/login";
        }
        LoginService.Outcome outcome = logins.login(username.strip(), password, request, response);
        if (outcome.ok()) {
            return "redirect:" + target.orElse("/");
        }
        response.setStatus(outcome.failure() == LoginService.Failure.LOCKED ? 423
                : outcome.failure() == LoginService.Failure.UNAVAILABLE ? 503 : 401);
        model.addAttribute("error", outcome.failure());
        model.addAttribute("lockDetail", outcome.detail());
        model.addAttribute("username", username);
        return "auth/login";
    }
}
