package io.artstore.ui.auth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.artstore.ui.web.Htmx;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;

/**
 * Session login for the UI: every page needs a logged-in admin user, every change
 * (anything but GET/HEAD, except logging out) the role {@code admin}; CSRF on every
 * form and HTMX request; a strict content security policy (all assets are served here).
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
    SecurityFilterChain uiSecurity(HttpSecurity http, SecurityContextRepository contexts, CsrfTokenRepository csrf)
            throws Exception {
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
                .exceptionHandling(e -> e.authenticationEntryPoint(new LoginEntryPoint()))
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout")
                        .deleteCookies("ARTSTORE_UI_SESSION"))
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives("default-src 'self'; img-src 'self' data:; "
                                + "style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'self'; "
                                + "form-action 'self'; frame-ancestors 'none'"))
                        .frameOptions(f -> f.deny()));
        return http.build();
    }

    /** Not logged in: to the login page (for HTMX a client-side redirect instead of a swapped login form). */
    static final class LoginEntryPoint implements AuthenticationEntryPoint {

        @Override
        public void commence(HttpServletRequest request, HttpServletResponse response,
                             AuthenticationException exception) throws java.io.IOException {
            if (Htmx.isHtmx(request)) {
                response.setHeader("HX-Redirect", "/login?expired");
                response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
                return;
            }
            response.sendRedirect(request.getContextPath() + "/login");
        }
    }
}
