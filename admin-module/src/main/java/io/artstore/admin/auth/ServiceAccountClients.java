package io.artstore.admin.auth;

import java.util.UUID;

import io.artstore.admin.accounts.ServiceAccount;
import io.artstore.admin.accounts.ServiceAccountService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * Spring Authorization Server's view of the {@code service_accounts} table: every active
 * service account whose secret has not expired is a client with the client-credentials
 * grant, {@code client_secret_basic} and {@code client_secret_post}, and its scopes.
 * Suspended and expired accounts are not found, so the token endpoint answers
 * {@code invalid_client}. Clients are managed through the service-account API only.
 */
public class ServiceAccountClients implements RegisteredClientRepository {

    private final ServiceAccountService accounts;
    private final TokenProperties properties;

    public ServiceAccountClients(ServiceAccountService accounts, TokenProperties properties) {
        this.accounts = accounts;
        this.properties = properties;
    }

    @Override
    public void save(RegisteredClient registeredClient) {
        // Spring Authorization Server calls this only to upgrade a secret's hash encoding; the
        // service-account API owns the table, so such upgrades are skipped.
    }

    @Override
    public RegisteredClient findById(String id) {
        return null;
    }

    @Override
    public RegisteredClient findByClientId(String clientId) {
        return accounts.findUsable(clientId).map(this::toClient).orElse(null);
    }

    /** Records on the account that {@code /oauth2/token} just issued it a token (shown as last_used_at). */
    void tokenIssued(RegisteredClient client) {
        accounts.recordTokenIssued(UUID.fromString(client.getId()));
    }

    RegisteredClient toClient(ServiceAccount account) {
        return RegisteredClient.withId(account.id().toString())
                .clientId(account.clientId())
                .clientName(account.name())
                .clientSecret(account.secretHash())
                .clientIdIssuedAt(account.createdAt())
                .clientSecretExpiresAt(account.secretExpiresAt())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .scopes(scopes -> scopes.addAll(account.scopes()))
                .tokenSettings(TokenSettings.builder()
                        .accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
                        .accessTokenTimeToLive(properties.serviceAccountTtl())
                        .build())
                .build();
    }
}
