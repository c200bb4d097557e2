package io.artstore.ui.auth;

import java.io.IOException;
import java.time.Clock;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.artstore.ui.UiProperties;
import io.artstore.ui.api.RestClients;
import io.artstore.ui.web.Htmx;
import io.artstore.ui.web.UiErrorController;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;

/**
 * Session login for the UI: every page needs a logged-in admin user, every change
 * (anything but GET/HEAD, except logging out) the role {@code admin}; CSRF on every
 * form and HTMX request; a strict content security policy (all assets are served here).
 * Also the rest of the {@code auth} feature: login against admin-module and the session's
 * access tokens.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
public class SecurityConfig {

    /** Pages that only show a form for a change: admins only, like the change itself. */
    static final String[] CHANGE_FORMS = {"/access/users/new", "/access/users/*/edit", "/access/users/*/password",
        "/access/users/*/delete", "/access/accounts/new", "/access/accounts/*/edit", "/access/accounts/*/rotate",
        "/access/accounts/*/delete", "/storage/discover", "/storage/*/edit", "/storage/*/mode", "/storage/*/delete",
        "/files/*/edit", "/files/*/delete", "/keys/rotate"};

    static final String[] OPEN = {"/health/**", "/metrics", "/login", "/css/**", "/js/**", "/webjars/**",
        "/error", "/favicon.ico"};

    @Bean
    SecurityContextRepository securityContextRepository() {
        return new HttpSessionSecurityContextRepository();
    }

    @Bean
    CsrfTokenRepository csrfTokenRepository() {
        return new HttpSessionCsrfTokenRepository();
    }

    @Bean
    Refusals refusals(MeterRegistry registry) {
        return new Refusals(registry);
    }

    @Bean
    AdminAuthClient adminAuthClient(RestClients clients) {
        return new AdminAuthClient(clients);
    }

    @Bean
    AccessTokens accessTokens(AdminAuthClient auth, Clock clock, UiProperties properties) {
        return new AccessTokens(auth, clock, properties);
    }

    @Bean
    LoginService loginService(AdminAuthClient auth, SecurityContextRepository contexts, CsrfTokenRepository csrf,
                              Clock clock) {
        return new LoginService(auth, contexts, csrf, clock);
    }

    @Bean
    SecurityFilterChain uiSecurity(HttpSecurity http, SecurityContextRepository contexts, CsrfTokenRepository csrf,
                                   Refusals refusals) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers(OPEN).permitAll()
                        .requestMatchers(CHANGE_FORMS).hasRole("ADMIN")
                        .requestMatchers(HttpMethod.GET, "/**").authenticated()
                        .requestMatchers(HttpMethod.HEAD, "/**").authenticated()
                        .requestMatchers(HttpMethod.POST, "/logout").authenticated()
                        .anyRequest().hasRole("ADMIN"))
                .csrf(c -> c.csrfTokenRepository(csrf))
                .securityContext(c -> c.securityContextRepository(contexts))
                .requestCache(c -> c.disable())
                .exceptionHandling(e -> e.authenticationEntryPoint(new LoginEntryPoint(refusals))
                        .accessDeniedHandler(new UiAccessDeniedHandler(refusals)))
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout")
                        .deleteCookies("ARTSTORE_UI_SESSION"))
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives("default-src 'self'; img-src 'self' data:; "
                                + "style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'self'; "
                                + "form-action 'self'; frame-ancestors 'none'"))
                        .frameOptions(f -> f.deny()));
        return http.build();
    }

    /**
     * Not logged in: to the login page (for HTMX a client-side redirect instead of a swapped
     * login form), back to the current page afterwards. A request carrying the id of a
     * session that no longer exists, and any HTMX request (it comes from a page that was
     * logged in), says "your session ended".
     */
    static final class LoginEntryPoint implements AuthenticationEntryPoint {

        private final Refusals refusals;

        LoginEntryPoint(Refusals refusals) {
            this.refusals = refusals;
        }

        @Override
        public void commence(HttpServletRequest request, HttpServletResponse response,
                             AuthenticationException exception) throws IOException {
            boolean ended = Htmx.isHtmx(request)
                    || request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid();
            if (ended) {
                refusals.sessionEnded();
            }
            LoginRedirect.send(request, response, ended);
        }
    }

    /**
     * Tells the three refusals apart. A CSRF failure without a logged-in session is a session
     * that ended (its token lived in the session; the CSRF filter runs before the login
     * check): the login page. A CSRF failure of a live session is a form from an older page
     * (e.g. before a new login in another tab): "this form expired". Anything else is a role
     * that may not do this: the 403 page.
     */
    static final class UiAccessDeniedHandler implements AccessDeniedHandler {

        private final AccessDeniedHandler roles = new AccessDeniedHandlerImpl();
        private final AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();
        private final Refusals refusals;

        UiAccessDeniedHandler(Refusals refusals) {
            this.refusals = refusals;
        }

        @Override
        public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
                throws IOException, ServletException {
            if (denied instanceof CsrfException) {
                // the login form itself is never "logged in": a stale one is just an expired form
                boolean loginForm = "/login".equals(request.getServletPath());
                if (!loginForm && !trust.isAuthenticated(SecurityContextHolder.getContext().getAuthentication())) {
                    refusals.sessionEnded();
                    LoginRedirect.send(request, response, true);
                    return;
                }
                refusals.formExpired();
                request.setAttribute(UiErrorController.FORM_EXPIRED, Boolean.TRUE);
                response.sendError(HttpServletResponse.SC_FORBIDDEN);
                return;
            }
            refusals.role();
            roles.handle(request, response, denied);
        }
    }
}
