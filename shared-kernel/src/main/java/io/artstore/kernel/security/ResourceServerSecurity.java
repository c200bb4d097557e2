package io.artstore.kernel.security;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.DispatcherType;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;

/**
 * The common resource-server setup: stateless, no CSRF (bearer tokens only), JWT
 * authentication with ArtStore authorities, common-format 401/403 (503 when tokens cannot be
 * verified for want of keys), and health, metrics
 * and API docs open. A service with its own filter chain calls {@link #apply} and then
 * adds its rules; services without one get {@code anyRequest().authenticated()}.
 */
public class ResourceServerSecurity {

    private final ResourceServerProperties properties;
    private final JsonAuthenticationEntryPoint entryPoint;
    private final JsonAccessDeniedHandler accessDeniedHandler;
    private final BearerTokenFailureHandler failureHandler;
    private final ArtstoreJwtAuthenticationConverter converter;

    public ResourceServerSecurity(ResourceServerProperties properties, JsonAuthenticationEntryPoint entryPoint,
                                  JsonAccessDeniedHandler accessDeniedHandler, BearerTokenFailureHandler failureHandler,
                                  ArtstoreJwtAuthenticationConverter converter) {
        this.properties = properties;
        this.entryPoint = entryPoint;
        this.accessDeniedHandler = accessDeniedHandler;
        this.failureHandler = failureHandler;
        this.converter = converter;
    }

    public HttpSecurity apply(HttpSecurity http) throws Exception {
        List<String> open = new ArrayList<>(ResourceServerProperties.ALWAYS_PUBLIC);
        open.addAll(properties.publicPaths());
        return http
                .csrf(csrf -> csrf.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(entryPoint).accessDeniedHandler(accessDeniedHandler))
                .oauth2ResourceServer(oauth -> oauth
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(converter))
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(accessDeniedHandler)
                        .withObjectPostProcessor(new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {
                            @Override
                            public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
                                filter.setAuthenticationFailureHandler(failureHandler);
                                return filter;
                            }
                        }))
                .authorizeHttpRequests(auth -> auth
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers(open.toArray(String[]::new)).permitAll());
    }

    public JsonAuthenticationEntryPoint entryPoint() {
        return entryPoint;
    }

    public JsonAccessDeniedHandler accessDeniedHandler() {
        return accessDeniedHandler;
    }
}
