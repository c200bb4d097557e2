package io.artstore.kernel.security;

import io.artstore.kernel.error.ApiErrorWriter;
import io.artstore.kernel.error.ErrorHandlingAutoConfiguration;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.annotation.AnnotationTemplateExpressionDefaults;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Resource-server security for every ArtStore service: a JWKS-backed JWT decoder, the
 * authority mapping, common-format 401/403 and {@link RequiresScope} method security.
 * Turned off with {@code artstore.security.resource-server=false} (the admin UI, which
 * logs users in with a session instead).
 */
@AutoConfiguration(after = ErrorHandlingAutoConfiguration.class, beforeName = {
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.web.OAuth2ResourceServerWebSecurityAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(name = "artstore.security.resource-server", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(ResourceServerProperties.class)
public class ResourceServerSecurityAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    JsonAuthenticationEntryPoint jsonAuthenticationEntryPoint(ApiErrorWriter writer) {
        return new JsonAuthenticationEntryPoint(writer);
    }

    @Bean
    @ConditionalOnMissingBean
    JsonAccessDeniedHandler jsonAccessDeniedHandler(ApiErrorWriter writer) {
        return new JsonAccessDeniedHandler(writer);
    }

    @Bean
    @ConditionalOnMissingBean
    ArtstoreJwtAuthenticationConverter artstoreJwtAuthenticationConverter() {
        return new ArtstoreJwtAuthenticationConverter();
    }

    @Bean
    @ConditionalOnMissingBean
    BearerTokenFailureHandler bearerTokenFailureHandler(ApiErrorWriter writer, JsonAuthenticationEntryPoint entryPoint) {
        return new BearerTokenFailureHandler(writer, entryPoint);
    }

    @Bean
    @ConditionalOnMissingBean
    ResourceServerSecurity resourceServerSecurity(ResourceServerProperties properties,
                                                  JsonAuthenticationEntryPoint entryPoint,
                                                  JsonAccessDeniedHandler accessDeniedHandler,
                                                  BearerTokenFailureHandler failureHandler,
                                                  ArtstoreJwtAuthenticationConverter converter) {
        return new ResourceServerSecurity(properties, entryPoint, accessDeniedHandler, failureHandler, converter);
    }

    /** admin-module's keys, fetched from the start so that its outage does not refuse known keys. */
    @Bean
    @ConditionalOnMissingBean({JwtDecoder.class, RemoteJwks.class})
    RemoteJwks artstoreRemoteJwks(ResourceServerProperties properties) {
        return new RemoteJwks(properties).start();
    }

    @Bean
    @ConditionalOnMissingBean(JwtDecoder.class)
    JwtDecoder artstoreJwtDecoder(RemoteJwks keys, ResourceServerProperties properties) {
        return JwksJwtDecoderFactory.create(keys, properties);
    }

    /** The metrics of the verified-token cache, when the service's decoder is one. */
    @Bean
    MeterBinder artstoreVerifiedTokenMetrics(ObjectProvider<JwtDecoder> decoder) {
        return registry -> {
            if (decoder.getIfAvailable() instanceof VerifiedJwtCache cache) {
                cache.registerMetrics(registry);
            }
        };
    }

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain artstoreResourceServerFilterChain(HttpSecurity http, ResourceServerSecurity security)
            throws Exception {
        return security.apply(http)
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .build();
    }

    @Configuration(proxyBeanMethods = false)
    @EnableMethodSecurity
    static class MethodSecurity {

        /** Lets {@link RequiresScope} fill its {@code {value}} placeholder into the SpEL expression. */
        @Bean
        static AnnotationTemplateExpressionDefaults artstoreAnnotationTemplateDefaults() {
            return new AnnotationTemplateExpressionDefaults();
        }
    }
}
