package io.artstore.admin.auth;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.GrantType;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import io.artstore.admin.support.AdminApiTest;
import io.artstore.kernel.security.Scopes;
import io.artstore.testsupport.http.TestHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.client.endpoint.OAuth2ClientCredentialsGrantRequest;
import org.springframework.security.oauth2.client.endpoint.RestClientClientCredentialsTokenResponseClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Service-account tokens from both endpoints: the JSON contract endpoint and the RFC 6749
 * {@code /oauth2/token} driven by Spring Security's own OAuth2 client, checked by an
 * independent JWKS consumer.
 */
class ServiceAccountTokenIT extends AdminApiTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void contractEndpointIssuesAnRs256TokenAnIndependentJwksConsumerAccepts() {
        JsonNode account = createServiceAccount(unique("ingester"), "[\"files:write\",\"storage:read\"]");
        String clientId = account.path("client_id").asString();

        TestHttp.Response response = contractToken(clientId, account.path("client_secret").asString());

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().path("token_type").asString()).isEqualTo("Bearer");
        assertThat(response.json().path("expires_in").asLong()).isEqualTo(3600);
        Jwt jwt = independentDecoder().decode(response.json().path("access_token").asString());
        assertThat(jwt.getHeaders()).containsEntry("alg", "RS256");
        assertThat(jwt.getHeaders().get("kid")).isNotNull();
        assertThat(jwt.getSubject()).isEqualTo(clientId);
        assertThat(jwt.getClaimAsStringList("scopes")).containsExactlyInAnyOrder("files:write", "storage:read");
        assertThat(jwt.getClaimAsString("scope").split(" ")).containsExactlyInAnyOrder("files:write", "storage:read");
        assertThat(jwt.getId()).isNotBlank();
        assertThat(jwt.getIssuer().toString()).isEqualTo(baseUrl());
        assertThat(jwt.getIssuedAt()).isNotNull();
        assertThat(jwt.getExpiresAt()).isEqualTo(jwt.getIssuedAt().plusSeconds(3600));
        assertThat(jwt.getClaims()).doesNotContainKey("role");
    }

    @Test
    void rfcEndpointWorksWithSpringOAuth2ClientUsingBasicAndPostAuthentication() {
        JsonNode account = createServiceAccount(unique("query"), "[\"files:read\"]");
        for (ClientAuthenticationMethod method : List.of(ClientAuthenticationMethod.CLIENT_SECRET_BASIC,
                ClientAuthenticationMethod.CLIENT_SECRET_POST)) {
            OAuth2AccessTokenResponse response = new RestClientClientCredentialsTokenResponseClient()
                    .getTokenResponse(new OAuth2ClientCredentialsGrantRequest(registration(account, method)));

            Jwt jwt = independentDecoder().decode(response.getAccessToken().getTokenValue());
            assertThat(jwt.getSubject()).isEqualTo(account.path("client_id").asString());
            assertThat(jwt.getClaimAsStringList("scopes")).containsExactly("files:read");
            assertThat(jwt.getClaimAsString("scope")).isEqualTo("files:read");
            assertThat(jwt.getId()).isNotBlank();
        }
    }

    @Test
    void tokenFromTheRfcEndpointOpensTheAdminApiForItsScopes() {
        JsonNode account = createServiceAccount(unique("reader"), "[\"admin:read\"]");
        OAuth2AccessTokenResponse response = new RestClientClientCredentialsTokenResponseClient()
                .getTokenResponse(new OAuth2ClientCredentialsGrantRequest(
                        registration(account, ClientAuthenticationMethod.CLIENT_SECRET_BASIC)));
        TestHttp api = as(response.getAccessToken().getTokenValue());

        assertThat(api.get("/api/v1/service-accounts").status()).isEqualTo(200);
        TestHttp.Response write = api.postJson("/api/v1/service-accounts", "{\"name\":\"x-denied\",\"scopes\":[\"files:read\"]}");
        assertThat(write.status()).isEqualTo(403);
        assertThat(write.errorCode()).isEqualTo("FORBIDDEN");
    }

    @Test
    void wrongSecretAndUnknownClientAreRejectedOnBothEndpoints() {
        JsonNode account = createServiceAccount(unique("wrong"), "[\"files:read\"]");
        String clientId = account.path("client_id").asString();

        TestHttp.Response wrong = contractToken(clientId, "cs_not-the-secret");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.errorCode()).isEqualTo("INVALID_CREDENTIALS");
        TestHttp.Response unknown = contractToken("sa_nobody_00000000", "whatever");
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.errorCode()).isEqualTo("INVALID_CREDENTIALS");

        assertRfcInvalidClient(clientId, "cs_not-the-secret");
        assertRfcInvalidClient("sa_nobody_00000000", "whatever");
    }

    @Test
    void suspendedAccountGetsNoToken() {
        JsonNode account = createServiceAccount(unique("suspended"), "[\"files:read\"]");
        String id = account.path("id").asString();
        TestHttp.Response suspend = as(adminToken()).putJson("/api/v1/service-accounts/" + id, "{\"status\":\"suspended\"}");
        assertThat(suspend.status()).as(suspend.body()).isEqualTo(200);

        TestHttp.Response response = contractToken(account.path("client_id").asString(),
                account.path("client_secret").asString());
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.errorCode()).isEqualTo("INVALID_CREDENTIALS");
        assertRfcInvalidClient(account.path("client_id").asString(), account.path("client_secret").asString());

        as(adminToken()).putJson("/api/v1/service-accounts/" + id, "{\"status\":\"active\"}");
        assertThat(contractToken(account.path("client_id").asString(), account.path("client_secret").asString())
                .status()).isEqualTo(200);
    }

    @Test
    void expiredSecretIsRejectedWithSecretExpired() {
        JsonNode account = createServiceAccount(unique("expired"), "[\"files:read\"]");
        jdbc.sql("UPDATE service_accounts SET secret_expires_at = now() - interval '1 minute' WHERE id = :id")
                .param("id", UUID.fromString(account.path("id").asString())).update();

        TestHttp.Response response = contractToken(account.path("client_id").asString(),
                account.path("client_secret").asString());
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.errorCode()).isEqualTo("SECRET_EXPIRED");
        assertRfcInvalidClient(account.path("client_id").asString(), account.path("client_secret").asString());
    }

    @Test
    void secretExpiresAfterItsLifetimeByTheClock() {
        TestHttp.Response created = as(adminToken()).postJson("/api/v1/service-accounts",
                "{\"name\":\"" + unique("short") + "\",\"scopes\":[\"files:read\"],\"secret_expiration_days\":1}");
        assertThat(created.status()).isEqualTo(201);
        JsonNode account = created.json();
        Instant expiresAt = Instant.parse(account.path("secret_expires_at").asString());
        assertThat(expiresAt).isBetween(Instant.now().plusSeconds(86_300), Instant.now().plusSeconds(86_500));
        assertThat(contractToken(account.path("client_id").asString(), account.path("client_secret").asString())
                .status()).isEqualTo(200);

        clock.advance(java.time.Duration.ofDays(1).plusMinutes(1));

        TestHttp.Response response = contractToken(account.path("client_id").asString(),
                account.path("client_secret").asString());
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.errorCode()).isEqualTo("SECRET_EXPIRED");
    }

    @Test
    void rotatedSecretReplacesTheOldOneAtOnce() {
        JsonNode account = createServiceAccount(unique("rotating"), "[\"files:read\"]");
        String clientId = account.path("client_id").asString();
        TestHttp.Response rotated = as(adminToken()).postJson(
                "/api/v1/service-accounts/" + account.path("id").asString() + "/rotate-secret", "");
        assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
        assertThat(rotated.json().path("client_id").asString()).isEqualTo(clientId);
        String newSecret = rotated.json().path("client_secret").asString();
        assertThat(newSecret).startsWith("cs_").isNotEqualTo(account.path("client_secret").asString());
        assertThat(rotated.json().has("secret_expires_at")).isTrue();

        assertThat(contractToken(clientId, account.path("client_secret").asString()).errorCode())
                .isEqualTo("INVALID_CREDENTIALS");
        assertThat(contractToken(clientId, newSecret).status()).isEqualTo(200);
    }

    @Test
    void contractEndpointValidatesItsBody() {
        TestHttp.Response missing = http().postJson("/api/v1/auth/token", "{\"client_id\":\"sa_x_12345678\"}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.errorCode()).isEqualTo("VALIDATION_ERROR");
        TestHttp.Response unknownField = http().postJson("/api/v1/auth/token",
                "{\"client_id\":\"a\",\"client_secret\":\"b\",\"grant\":\"x\"}");
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(unknownField.errorCode()).isEqualTo("VALIDATION_ERROR");
    }

    @Test
    void jwksEndpointsPublishTheSamePublicKeys() {
        TestHttp.Response contract = http().get("/api/v1/auth/jwks");
        TestHttp.Response standard = http().get("/oauth2/jwks");
        assertThat(contract.status()).isEqualTo(200);
        assertThat(standard.status()).isEqualTo(200);
        JsonNode key = contract.json().path("keys").get(0);
        assertThat(key.path("kty").asString()).isEqualTo("RSA");
        assertThat(key.path("use").asString()).isEqualTo("sig");
        assertThat(key.path("alg").asString()).isEqualTo("RS256");
        assertThat(key.path("kid").asString()).startsWith("key-");
        assertThat(key.has("n")).isTrue();
        assertThat(key.has("e")).isTrue();
        assertThat(key.has("d")).as("no private part").isFalse();
        assertThat(key.has("p")).isFalse();
        assertThat(standard.json()).isEqualTo(contract.json());
    }

    @Test
    void publishesAuthorizationServerMetadataListingOnlyWhatWorks() {
        TestHttp.Response metadata = http().get("/.well-known/oauth-authorization-server");
        assertThat(metadata.status()).as(metadata.body()).isEqualTo(200);
        JsonNode json = metadata.json();
        assertThat(json.path("issuer").asString()).isEqualTo(baseUrl());
        assertThat(json.path("token_endpoint").asString()).isEqualTo(baseUrl() + "/oauth2/token");
        assertThat(json.path("jwks_uri").asString()).isEqualTo(baseUrl() + "/oauth2/jwks");
        assertThat(strings(json.path("grant_types_supported"))).containsExactly("client_credentials");
        assertThat(strings(json.path("token_endpoint_auth_methods_supported")))
                .containsExactlyInAnyOrder("client_secret_basic", "client_secret_post");
        assertThat(strings(json.path("scopes_supported"))).containsExactlyInAnyOrderElementsOf(Scopes.ALL);
        // no authorization endpoint, so no response types (RFC 8414 3.2 forbids an empty array)
        assertThat(json.has("authorization_endpoint")).isFalse();
        assertThat(json.has("response_types_supported")).isFalse();
        assertThat(json.propertyNames()).containsExactlyInAnyOrder("issuer", "token_endpoint",
                "token_endpoint_auth_methods_supported", "jwks_uri", "grant_types_supported", "scopes_supported");
        // no OpenID Connect provider configuration either: no OIDC flow is offered
        assertThat(http().get("/.well-known/openid-configuration").status()).isNotEqualTo(200);
    }

    @Test
    void standardClientsConfigureThemselvesFromTheMetadataAndGetAToken() throws Exception {
        JsonNode account = createServiceAccount(unique("discovering"), "[\"files:read\"]");
        String clientId = account.path("client_id").asString();

        AuthorizationServerMetadata nimbus = AuthorizationServerMetadata.parse(
                http().get("/.well-known/oauth-authorization-server").body());
        assertThat(nimbus.getIssuer().getValue()).isEqualTo(baseUrl());
        assertThat(nimbus.getAuthorizationEndpointURI()).isNull();
        assertThat(nimbus.getGrantTypes()).containsExactly(GrantType.CLIENT_CREDENTIALS);
        TokenResponse nimbusToken = TokenResponse.parse(new TokenRequest(nimbus.getTokenEndpointURI(),
                new ClientSecretBasic(new ClientID(clientId), new Secret(account.path("client_secret").asString())),
                new ClientCredentialsGrant()).toHTTPRequest().send());
        assertThat(nimbusToken.indicatesSuccess()).as(nimbusToken.toString()).isTrue();
        assertThat(independentDecoder().decode(nimbusToken.toSuccessResponse().getTokens().getAccessToken().getValue())
                .getSubject()).isEqualTo(clientId);

        ClientRegistration spring = ClientRegistrations.fromIssuerLocation(baseUrl())
                .registrationId("artstore")
                .clientId(clientId)
                .clientSecret(account.path("client_secret").asString())
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .build();
        assertThat(spring.getProviderDetails().getTokenUri()).isEqualTo(baseUrl() + "/oauth2/token");
        assertThat(spring.getClientAuthenticationMethod()).isEqualTo(ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
        OAuth2AccessTokenResponse springToken = new RestClientClientCredentialsTokenResponseClient()
                .getTokenResponse(new OAuth2ClientCredentialsGrantRequest(spring));
        Jwt jwt = independentDecoder().decode(springToken.getAccessToken().getTokenValue());
        assertThat(jwt.getSubject()).isEqualTo(clientId);
        assertThat(jwt.getIssuer().toString()).isEqualTo(spring.getProviderDetails().getIssuerUri());
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new java.util.ArrayList<>();
        array.forEach(value -> values.add(value.asString()));
        return values;
    }

    @Test
    void countsTokenRequests() {
        JsonNode account = createServiceAccount(unique("metered"), "[\"files:read\"]");
        serviceToken(account);
        contractToken(account.path("client_id").asString(), "wrong");
        String metrics = http().get("/metrics").body();
        assertThat(metrics).contains("artstore_admin_token_requests_total{", "grant_type=\"client_credentials\"",
                "outcome=\"issued\"", "outcome=\"invalid_credentials\"");
    }

    private void assertRfcInvalidClient(String clientId, String secret) {
        ClientRegistration registration = ClientRegistration.withRegistrationId("test")
                .clientId(clientId).clientSecret(secret)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .tokenUri(baseUrl() + "/oauth2/token").build();
        assertThatThrownBy(() -> new RestClientClientCredentialsTokenResponseClient()
                .getTokenResponse(new OAuth2ClientCredentialsGrantRequest(registration)))
                .isInstanceOfSatisfying(OAuth2AuthorizationException.class,
                        ex -> assertThat(ex.getError().getErrorCode()).isEqualTo("invalid_client"));
    }

    private ClientRegistration registration(JsonNode account, ClientAuthenticationMethod method) {
        return ClientRegistration.withRegistrationId("artstore")
                .clientId(account.path("client_id").asString())
                .clientSecret(account.path("client_secret").asString())
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .clientAuthenticationMethod(method)
                .tokenUri(baseUrl() + "/oauth2/token")
                .build();
    }

    private NimbusJwtDecoder independentDecoder() {
        return NimbusJwtDecoder.withJwkSetUri(baseUrl() + "/api/v1/auth/jwks").build();
    }
}
