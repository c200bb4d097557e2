package io.artstore.admin.auth;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import io.artstore.admin.accounts.ServiceAccountService;
import io.artstore.admin.keys.DatabaseJwkSource;
import io.artstore.admin.keys.JwtKeyStore;
import io.artstore.kernel.security.AudienceValidator;
import io.artstore.kernel.security.JsonAuthenticationEntryPoint;
import io.artstore.kernel.security.ResourceServerSecurity;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AccessTokenAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtGenerator;
import org.springframework.security.oauth2.server.authorization.web.authentication.OAuth2AccessTokenResponseAuthenticationSuccessHandler;
import org.springframework.security.oauth2.server.authorization.web.authentication.OAuth2ErrorAuthenticationFailureHandler;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;

/**
 * admin-module as OAuth 2.0 authorization server and as resource server of its own API.
 *
 * <p>Two filter chains: the Spring Authorization Server endpoints ({@code /oauth2/token},
 * {@code /oauth2/jwks}, ...) first, then the
 * common ArtStore resource-server chain for everything else. The RFC 6749 token endpoint
 * keeps RFC error bodies ({@code {"error":"invalid_client"}}) because OAuth2 client libraries
 * parse them; every other endpoint answers in the ArtStore error format.
 *
 * <p>Keys come from PostgreSQL ({@link DatabaseJwkSource}); tokens are signed by Spring
 * Authorization Server's {@link JwtGenerator} over a {@link NimbusJwtEncoder} and validated
 * by a {@link NimbusJwtDecoder} over the same key source, so admin-module never calls its
 * own JWKS over HTTP and stops accepting a rotated-out key when its grace period ends.
 *
 * <p>Also the rest of the {@code auth} feature's beans: issuer, token metrics, admin-module's
 * own service token.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TokenProperties.class)
public class AuthorizationServerConfiguration {

    /** Open endpoints of the ArtStore API (besides health, metrics and API docs). */
    static final String[] OPEN_POSTS = {"/api/v1/auth/token", "/api/v1/admin-auth/login", "/api/v1/admin-auth/refresh"};
    static final String[] OPEN_GETS = {"/api/v1/auth/jwks", AuthorizationServerMetadataController.PATH,
            AuthorizationServerMetadataController.PATH + "/**"};

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain authorizationServerFilterChain(HttpSecurity http, ServiceAccountClients clients,
                                                       JwtGenerator generator, AuthorizationServerSettings settings,
                                                       OAuth2AuthorizationService authorizationService,
                                                       TokenMetrics metrics, JsonAuthenticationEntryPoint entryPoint)
            throws Exception {
        AuthenticationFailureHandler failure = failureWithMetrics(metrics);
        AuthenticationSuccessHandler success = successWithMetrics(metrics, clients);
        http.oauth2AuthorizationServer(server -> {
            // the metadata is served by AuthorizationServerMetadataController, which lists only what works
            http.securityMatcher(new AndRequestMatcher(server.getEndpointsMatcher(), new NegatedRequestMatcher(
                    PathPatternRequestMatcher.withDefaults().matcher(AuthorizationServerMetadataController.PATH + "/**"))));
            server.registeredClientRepository(clients)
                    .authorizationService(authorizationService)
                    .authorizationServerSettings(settings)
                    .tokenGenerator(generator)
                    .clientAuthentication(client -> client.errorResponseHandler(failure))
                    .tokenEndpoint(token -> token.accessTokenResponseHandler(success).errorResponseHandler(failure));
        });
        return http
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(entryPoint))
                .build();
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 1)
    SecurityFilterChain apiFilterChain(HttpSecurity http, ResourceServerSecurity security) throws Exception {
        return security.apply(http)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.POST, OPEN_POSTS).permitAll()
                        .requestMatchers(HttpMethod.GET, OPEN_GETS).permitAll()
                        .anyRequest().authenticated())
                .build();
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(TokenProperties properties) {
        AuthorizationServerSettings.Builder builder = AuthorizationServerSettings.builder();
        if (properties.hasIssuer()) {
            builder.issuer(properties.issuer());
        }
        return builder.build();
    }

    @Bean
    OAuth2AuthorizationService authorizationService() {
        return new StatelessAuthorizationService();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    DatabaseJwkSource jwkSource(JwtKeyStore store) {
        return new DatabaseJwkSource(store);
    }

    @Bean
    JwtEncoder jwtEncoder(JWKSource<SecurityContext> jwkSource) {
        return new NimbusJwtEncoder(jwkSource);
    }

    @Bean
    JwtGenerator jwtGenerator(JwtEncoder encoder, JwtKeyStore keys, Clock clock) {
        JwtGenerator generator = new JwtGenerator(encoder);
        generator.setJwtCustomizer(new TokenClaims(keys));
        generator.setClock(clock);
        return generator;
    }

    /** admin-module's own token validation: RS256, keys straight from the key store, the injected clock. */
    @Bean
    JwtDecoder jwtDecoder(JWKSource<SecurityContext> jwkSource, TokenProperties properties, Clock clock) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(jwkSource)
                .jwsAlgorithm(SignatureAlgorithm.RS256).build();
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        JwtTimestampValidator timestamps = new JwtTimestampValidator();
        timestamps.setClock(clock);
        validators.add(timestamps);
        validators.add(new AudienceValidator(List.of()));
        if (properties.hasIssuer()) {
            validators.add(new JwtIssuerValidator(properties.issuer()));
        }
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
        return decoder;
    }

    @Bean
    ServiceAccountClients serviceAccountClients(ServiceAccountService accounts, TokenProperties properties) {
        return new ServiceAccountClients(accounts, properties);
    }

    @Bean
    TokenIssuer tokenIssuer(JwtGenerator generator, ServiceAccountClients clients, AuthorizationServerSettings settings,
                            IssuerResolver issuer, TokenProperties properties) {
        return new TokenIssuer(generator, clients, settings, issuer, properties);
    }

    @Bean
    IssuerResolver issuerResolver(TokenProperties properties) {
        return new IssuerResolver(properties);
    }

    @Bean
    TokenMetrics tokenMetrics(MeterRegistry registry) {
        return new TokenMetrics(registry);
    }

    @Bean
    SelfTokenProvider selfTokenProvider(JwtEncoder encoder, JwtKeyStore keys, TokenProperties properties, Clock clock) {
        return new SelfTokenProvider(encoder, keys, properties, clock);
    }

    private static AuthenticationSuccessHandler successWithMetrics(TokenMetrics metrics, ServiceAccountClients clients) {
        AuthenticationSuccessHandler delegate = new OAuth2AccessTokenResponseAuthenticationSuccessHandler();
        return (request, response, authentication) -> {
            if (authentication instanceof OAuth2AccessTokenAuthenticationToken issued) {
                clients.tokenIssued(issued.getRegisteredClient());
            }
            metrics.issued(request.getParameter(OAuth2ParameterNames.GRANT_TYPE));
            delegate.onAuthenticationSuccess(request, response, authentication);
        };
    }

    private static AuthenticationFailureHandler failureWithMetrics(TokenMetrics metrics) {
        AuthenticationFailureHandler delegate = new OAuth2ErrorAuthenticationFailureHandler();
        return (request, response, exception) -> {
            String reason = exception instanceof OAuth2AuthenticationException oauth
                    ? oauth.getError().getErrorCode() : "error";
            String grantType = request.getParameter(OAuth2ParameterNames.GRANT_TYPE);
            metrics.rejected(grantType != null ? grantType : "client_authentication", reason);
            delegate.onAuthenticationFailure(request, response, exception);
        };
    }
}
