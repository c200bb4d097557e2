package io.artstore.admin.auth;

import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * Keeps no per-token state. ArtStore only issues self-contained JWTs through the
 * client-credentials grant (no codes, no OAuth2 refresh tokens, no consent), which every
 * resource server validates on its own; recording each issued token would only grow a
 * table (or, with the default in-memory store, differ between replicas). As a consequence
 * {@code /oauth2/introspect} reports tokens as inactive and {@code /oauth2/revoke} is a no-op.
 */
public class StatelessAuthorizationService implements OAuth2AuthorizationService {

    @Override
    public void save(OAuth2Authorization authorization) {
        // nothing to keep
    }

    @Override
    public void remove(OAuth2Authorization authorization) {
        // nothing kept
    }

    @Override
    public OAuth2Authorization findById(String id) {
        return null;
    }

    @Override
    public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
        return null;
    }
}
