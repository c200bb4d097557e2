package io.artstore.admin.auth;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.artstore.admin.accounts.ServiceAccount;
import io.artstore.kernel.security.Scopes;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.context.AuthorizationServerContext;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.DefaultOAuth2TokenContext;
import org.springframework.security.oauth2.server.authorization.token.JwtGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenContext;

/**
 * Mints access tokens outside the OAuth2 endpoints with the same Spring Authorization
 * Server {@link JwtGenerator} (and so the same claims and key) as {@code /oauth2/token}:
 * for service accounts on the contract endpoint and for admin users at login and refresh.
 */
public class TokenIssuer {

    /** Grant type label of admin-user logins with username and password. */
    public static final AuthorizationGrantType PASSWORD = new AuthorizationGrantType("password");

    private static final String USERS_CLIENT = "artstore-admin-users";

    private final JwtGenerator generator;
    private final ServiceAccountClients clients;
    private final AuthorizationServerSettings settings;
    private final IssuerResolver issuer;
    private final RegisteredClient usersClient;

    public TokenIssuer(JwtGenerator generator, ServiceAccountClients clients, AuthorizationServerSettings settings,
                       IssuerResolver issuer, TokenProperties properties) {
        this.generator = generator;
        this.clients = clients;
        this.settings = settings;
        this.issuer = issuer;
        this.usersClient = RegisteredClient.withId(USERS_CLIENT)
                .clientId(USERS_CLIENT)
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(PASSWORD)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .scopes(scopes -> scopes.addAll(Scopes.ALL))
                .tokenSettings(TokenSettings.builder()
                        .accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
                        .accessTokenTimeToLive(properties.accessTtl())
                        .build())
                .build();
    }

    /** An access token for a service account whose credentials were checked. */
    public IssuedToken forServiceAccount(ServiceAccount account) {
        RegisteredClient client = clients.toClient(account);
        OAuth2ClientAuthenticationToken principal =
                new OAuth2ClientAuthenticationToken(client, ClientAuthenticationMethod.CLIENT_SECRET_POST, null);
        Set<String> scopes = new LinkedHashSet<>(client.getScopes());
        OAuth2TokenContext context = DefaultOAuth2TokenContext.builder()
                .registeredClient(client)
                .principal(principal)
                .authorizationServerContext(serverContext())
                .authorizedScopes(scopes)
                .tokenType(OAuth2TokenType.ACCESS_TOKEN)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .authorizationGrant(new OAuth2ClientCredentialsAuthenticationToken(principal, scopes, Map.of()))
                .build();
        return generate(context);
    }

    /** An access token for an admin user; {@code sub} is the username. */
    public IssuedToken forAdminUser(UUID userId, String username, String role, AuthorizationGrantType grantType) {
        Set<String> scopes = new LinkedHashSet<>(Scopes.forRole(role));
        UsernamePasswordAuthenticationToken principal =
                UsernamePasswordAuthenticationToken.authenticated(username, null, List.of());
        principal.setDetails(new UserTokenDetails(userId, role));
        OAuth2TokenContext context = DefaultOAuth2TokenContext.builder()
                .registeredClient(usersClient)
                .principal(principal)
                .authorizationServerContext(serverContext())
                .authorizedScopes(scopes)
                .tokenType(OAuth2TokenType.ACCESS_TOKEN)
                .authorizationGrantType(grantType)
                .authorizationGrant(principal)
                .build();
        return generate(context);
    }

    private IssuedToken generate(OAuth2TokenContext context) {
        Jwt jwt = generator.generate(context);
        if (jwt == null) {
            throw new IllegalStateException("Token generator produced no token");
        }
        long expiresIn = Duration.between(jwt.getIssuedAt(), jwt.getExpiresAt()).toSeconds();
        return new IssuedToken(jwt.getTokenValue(), expiresIn, jwt.getClaimAsStringList(TokenClaims.SCOPES));
    }

    private AuthorizationServerContext serverContext() {
        String current = issuer.issuer();
        return new AuthorizationServerContext() {
            @Override
            public String getIssuer() {
                return current;
            }

            @Override
            public AuthorizationServerSettings getAuthorizationServerSettings() {
                return settings;
            }
        };
    }
}
