package io.artstore.admin.auth;

import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The issuer of tokens minted outside the OAuth2 endpoints (contract token endpoint, admin
 * login): the configured {@code AM_JWT_ISSUER}, or like Spring Authorization Server does
 * without one, the base URL of the current request.
 */
public class IssuerResolver {

    private final TokenProperties properties;

    public IssuerResolver(TokenProperties properties) {
        this.properties = properties;
    }

    public String issuer() {
        if (properties.hasIssuer()) {
            return properties.issuer();
        }
        if (RequestContextHolder.getRequestAttributes() == null) {
            return null;
        }
        return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    }
}
