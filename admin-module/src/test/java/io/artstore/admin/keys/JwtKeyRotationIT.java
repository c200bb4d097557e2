package io.artstore.admin.keys;

import java.time.Duration;
import java.time.Instant;

import io.artstore.admin.support.AdminApiTest;
import io.artstore.testsupport.http.TestHttp;
import io.artstore.testsupport.tokens.TestTokenIssuer;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Key rotation: the old key stays published and accepted during the grace period (10
 * minutes in these tests) and is rejected by admin-module itself once it ended.
 */
class JwtKeyRotationIT extends AdminApiTest {

    @Test
    void statusDescribesTheActiveKey() {
        TestHttp.Response status = as(adminToken()).get("/api/v1/jwt-keys/status");
        assertThat(status.status()).isEqualTo(200);
        assertThat(status.json().path("active_key_id").asString()).startsWith("key-");
        assertThat(status.json().path("algorithm").asString()).isEqualTo("RS256");
        assertThat(status.json().has("created_at")).isTrue();
        assertThat(http().get("/api/v1/jwt-keys/status").status()).isEqualTo(401);
    }

    @Test
    void oldKeyIsAcceptedDuringTheGracePeriodAndRejectedAfterIt() {
        JsonNode reader = createServiceAccount(unique("key-reader"), "[\"admin:read\"]");
        String oldToken = serviceToken(reader);
        String oldKid = as(adminToken()).get("/api/v1/jwt-keys/status").json().path("active_key_id").asString();

        Instant before = Instant.now();
        TestHttp.Response rotation = as(adminToken()).postJson("/api/v1/jwt-keys/rotate", "");
        assertThat(rotation.status()).as(rotation.body()).isEqualTo(200);
        String newKid = rotation.json().path("new_key_id").asString();
        assertThat(newKid).startsWith("key-").isNotEqualTo(oldKid);
        assertThat(rotation.json().path("previous_key_id").asString()).isEqualTo(oldKid);
        assertThat(Instant.parse(rotation.json().path("grace_period_ends_at").asString()))
                .isBetween(before.plus(Duration.ofMinutes(10)), Instant.now().plus(Duration.ofMinutes(10)));

        JsonNode status = as(adminToken()).get("/api/v1/jwt-keys/status").json();
        assertThat(status.path("active_key_id").asString()).isEqualTo(newKid);
        assertThat(status.path("previous_key_id").asString()).isEqualTo(oldKid);
        assertThat(status.path("grace_period_ends_at").asString())
                .isEqualTo(rotation.json().path("grace_period_ends_at").asString());
        assertThat(http().get("/api/v1/auth/jwks").json().path("keys").findValuesAsString("kid"))
                .contains(oldKid, newKid);

        String newToken = serviceToken(reader);
        NimbusJwtDecoder independent = NimbusJwtDecoder.withJwkSetUri(baseUrl() + "/api/v1/auth/jwks").build();
        assertThat(independent.decode(newToken).getHeaders()).containsEntry("kid", newKid);
        assertThat(independent.decode(oldToken).getHeaders()).containsEntry("kid", oldKid);
        assertThat(as(oldToken).get("/api/v1/service-accounts").status()).isEqualTo(200);
        assertThat(as(newToken).get("/api/v1/service-accounts").status()).isEqualTo(200);

        clock.advance(Duration.ofMinutes(11));

        TestHttp.Response rejected = as(oldToken).get("/api/v1/service-accounts");
        assertThat(rejected.status()).isEqualTo(401);
        assertThat(rejected.errorCode()).isEqualTo("UNAUTHORIZED");
        assertThat(as(newToken).get("/api/v1/service-accounts").status()).isEqualTo(200);
        assertThat(http().get("/api/v1/auth/jwks").json().path("keys").findValuesAsString("kid"))
                .contains(newKid).doesNotContain(oldKid);
        assertThat(http().get("/oauth2/jwks").json().path("keys").findValuesAsString("kid"))
                .contains(newKid).doesNotContain(oldKid);
        JsonNode after = as(newToken).get("/api/v1/jwt-keys/status").json();
        assertThat(after.path("active_key_id").asString()).isEqualTo(newKid);
        assertThat(after.path("previous_key_id").isNull()).isTrue();

        clock.reset();
        NimbusJwtDecoder fresh = NimbusJwtDecoder.withJwkSetUri(baseUrl() + "/api/v1/auth/jwks").build();
        assertThat(fresh.decode(newToken).getSubject()).isEqualTo(reader.path("client_id").asString());
        assertThat(http().get("/metrics").body()).contains("artstore_admin_jwt_key_rotations_total");
    }

    @Test
    void onlyRs256TokensSignedByOurKeysAreAccepted() {
        try (TestTokenIssuer foreign = TestTokenIssuer.start()) {
            assertThat(as(foreign.token().role("admin").build()).get("/api/v1/service-accounts").status()).isEqualTo(401);
            assertThat(as(foreign.token().role("admin").signing(TestTokenIssuer.Signing.NONE).build())
                    .get("/api/v1/service-accounts").status()).isEqualTo(401);
            assertThat(as(foreign.token().role("admin").signing(TestTokenIssuer.Signing.HS256_WITH_PUBLIC_KEY).build())
                    .get("/api/v1/service-accounts").status()).isEqualTo(401);
        }
    }

    @Test
    void tokensSignedByAnUnknownKeyAreRejected() {
        String token = serviceToken(createServiceAccount(unique("forged"), "[\"admin:read\"]"));
        String[] parts = token.split("\\.");
        String tampered = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
        assertThat(as(tampered).get("/api/v1/service-accounts").status()).isEqualTo(401);
        assertThatThrownBy(() -> NimbusJwtDecoder.withJwkSetUri(baseUrl() + "/api/v1/auth/jwks").build().decode(tampered))
                .isInstanceOf(JwtException.class);
    }
}
