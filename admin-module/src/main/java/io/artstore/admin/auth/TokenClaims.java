package io.artstore.admin.auth;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.artstore.admin.keys.JwtKeyStore;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * The ArtStore shape of every access token, applied by Spring Authorization Server's
 * {@code JwtGenerator}: signed with the active key (its {@code kid} in the header),
 * {@code scopes} as an array plus the standard space-separated {@code scope}, and for admin
 * users {@code role} and {@code user_id}. {@code sub}, {@code iat}, {@code exp}, {@code nbf},
 * {@code jti} and {@code iss} come from the generator.
 */
public class TokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    public static final String SCOPES = "scopes";
    public static final String SCOPE = "scope";
    public static final String ROLE = "role";
    public static final String USER_ID = "user_id";

    private final JwtKeyStore keys;

    public TokenClaims(JwtKeyStore keys) {
        this.keys = keys;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
            return;
        }
        context.getJwsHeader().keyId(keys.activeKeyId());
        Set<String> scopes = new TreeSet<>(context.getAuthorizedScopes());
        if (scopes.isEmpty() && AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
            // A client that asks for no scope gets all scopes of its service account.
            scopes.addAll(context.getRegisteredClient().getScopes());
        }
        List<String> list = List.copyOf(scopes);
        context.getClaims()
                .claims(claims -> claims.remove("aud"))
                .claim(SCOPES, list)
                .claim(SCOPE, String.join(" ", list));
        if (context.getPrincipal().getDetails() instanceof UserTokenDetails user) {
            context.getClaims().claim(ROLE, user.role()).claim(USER_ID, user.userId().toString());
        }
    }
}
