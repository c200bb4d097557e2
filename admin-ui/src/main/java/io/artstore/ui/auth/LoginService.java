package io.artstore.ui.auth;

import java.time.Clock;
import java.util.List;

import io.artstore.ui.api.AdminApiException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfTokenRepository;

/**
 * Logs a user in against admin-module and binds the result to the HTTP session: a new
 * session id (no fixation), the principal in the security context, the tokens as a
 * session attribute, a fresh CSRF token.
 */
public class LoginService {

    private static final Logger log = LoggerFactory.getLogger(LoginService.class);

    /** Why a login failed, as shown to the user. */
    public enum Failure { BAD_CREDENTIALS, LOCKED, UNAVAILABLE }

    /** Outcome of a login: {@code failure} null on success; {@code detail} the lock message when locked. */
    public record Outcome(Failure failure, String detail) {
        public boolean ok() {
            return failure == null;
        }
    }

    private final AdminAuthClient auth;
    private final SecurityContextRepository contexts;
    private final CsrfTokenRepository csrf;
    private final Clock clock;

    public LoginService(AdminAuthClient auth, SecurityContextRepository contexts, CsrfTokenRepository csrf, Clock clock) {
        this.auth = auth;
        this.contexts = contexts;
        this.csrf = csrf;
        this.clock = clock;
    }

    public Outcome login(String username, String password, HttpServletRequest request, HttpServletResponse response) {
        LoginTokens tokens;
        CurrentAdmin admin;
        try {
            tokens = auth.login(username, password);
            admin = auth.me(tokens.accessToken());
        } catch (AdminApiException ex) {
            if (ex.status() == 423 || "ACCOUNT_LOCKED".equals(ex.code())) {
                return new Outcome(Failure.LOCKED, ex.getMessage());
            }
            if (ex.status() == 401 || ex.status() == 400) {
                return new Outcome(Failure.BAD_CREDENTIALS, null);
            }
            log.warn("Login failed: admin-module answered {} {}", ex.status(), ex.code());
            return new Outcome(Failure.UNAVAILABLE, null);
        }
        AdminPrincipal principal = new AdminPrincipal(admin.id(), admin.username(), admin.role());
        var authentication = UsernamePasswordAuthenticationToken.authenticated(principal, null,
                List.of(new SimpleGrantedAuthority("ROLE_" + admin.role().toUpperCase(java.util.Locale.ROOT))));
        request.getSession(true);
        request.changeSessionId();
        request.getSession().setAttribute(TokenSession.ATTRIBUTE, new TokenSession(tokens, clock.instant()));
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        csrf.saveToken(null, request, response);
        log.info("User {} logged in (role {})", admin.username(), admin.role());
        return new Outcome(null, null);
    }
}
