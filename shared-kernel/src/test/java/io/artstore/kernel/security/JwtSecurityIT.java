package io.artstore.kernel.security;

import java.time.Duration;
import java.time.Instant;

import io.artstore.kernel.KernelIntegrationTest;
import io.artstore.testsupport.http.TestHttp;
import io.artstore.testsupport.tokens.TestTokenIssuer.Signing;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The resource-server setup accepts exactly the tokens admin-module would issue, and nothing else. */
class JwtSecurityIT extends KernelIntegrationTest {

    private TestHttp.Response read(String token) {
        return anonymous().withToken(token).get("/api/v1/things?limit=1");
    }

    private static void assertUnauthorized(TestHttp.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(401);
        assertThat(response.errorCode()).isEqualTo("UNAUTHORIZED");
    }

    @Test
    void aTokenSentAgainUsesItsRememberedVerification() {
        String token = ISSUER.serviceToken("sa_repeat_" + System.nanoTime(), "files:read");
        double remembered = verifications("remembered");
        double verified = verifications("verified");
        for (int i = 0; i < 3; i++) {
            assertThat(read(token).status()).isEqualTo(200);
        }
        assertThat(verifications("verified") - verified).isEqualTo(1);
        assertThat(verifications("remembered") - remembered).isEqualTo(2);
        assertThat(anonymous().get("/metrics").body()).contains("artstore_verified_tokens ");
    }

    @Test
    void requestsAreTimedWithoutPerFilterSecurityObservations() {
        assertThat(read(ISSUER.serviceToken("sa_timed_" + System.nanoTime(), "files:read")).status()).isEqualTo(200);
        assertUnauthorized(read("garbage"));
        String metrics = anonymous().get("/metrics").body();
        assertThat(metrics.lines().filter(line -> line.startsWith("http_server_requests_seconds_count{")))
                .anyMatch(line -> line.contains("status=\"200\"")).anyMatch(line -> line.contains("status=\"401\""));
        assertThat(metrics.lines().filter(line -> line.startsWith("spring_security_"))).isEmpty();
    }

    private double verifications(String result) {
        String prefix = "artstore_token_verifications_total{";
        return anonymous().get("/metrics").body().lines()
                .filter(line -> line.startsWith(prefix) && line.contains("result=\"" + result + "\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElse(0);
    }

    @Test
    void rightScopeIs200() {
        assertThat(read(ISSUER.serviceToken("sa_reader", "files:read")).status()).isEqualTo(200);
    }

    @Test
    void standardScopeClaimAloneIsEnough() {
        String token = ISSUER.token().claim("scope", "files:read").build();
        assertThat(read(token).status()).isEqualTo(200);
    }

    @Test
    void missingScopeIs403() {
        TestHttp.Response response = read(ISSUER.serviceToken("sa_writer", "files:write"));
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.errorCode()).isEqualTo("FORBIDDEN");
    }

    @Test
    void expiredTokenIs401() {
        assertUnauthorized(read(ISSUER.token().scopes("files:read").expired().build()));
    }

    @Test
    void notYetValidTokenIs401() {
        assertUnauthorized(read(ISSUER.token().scopes("files:read").notBefore(Instant.now().plus(Duration.ofHours(1))).build()));
    }

    @Test
    void algNoneIs401() {
        assertUnauthorized(read(ISSUER.token().scopes("files:read").signing(Signing.NONE).build()));
    }

    @Test
    void hs256SignedWithThePublicKeyIs401() {
        assertUnauthorized(read(ISSUER.token().scopes("files:read").signing(Signing.HS256_WITH_PUBLIC_KEY).build()));
    }

    @Test
    void unknownKeyIs401() {
        assertUnauthorized(read(ISSUER.token().scopes("files:read").signing(Signing.RS256_UNKNOWN_KEY).build()));
    }

    @Test
    void wrongIssuerIs401() {
        assertUnauthorized(read(ISSUER.token().scopes("files:read").issuer("http://evil.example").build()));
    }

    @Test
    void tokenForAnotherAudienceIs401() {
        assertUnauthorized(read(ISSUER.token().scopes("files:read").audience("https://other-system.example").build()));
    }

    @Test
    void tamperedPayloadIs401() {
        String token = ISSUER.serviceToken("sa_reader", "storage:read");
        String[] parts = token.split("\\.");
        String forged = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                ISSUER.token().subject("sa_reader").scopes("files:read").claims().toString().getBytes());
        assertUnauthorized(read(parts[0] + "." + forged + "." + parts[2]));
    }

    @Test
    void garbageTokenIs401() {
        assertUnauthorized(read("not.a.jwt"));
    }

    @Test
    void readonlyRoleReadsButCannotWrite() {
        TestHttp readonly = anonymous().withToken(ISSUER.userToken("viewer", "readonly"));
        assertThat(readonly.get("/api/v1/things").status()).isEqualTo(200);
        TestHttp.Response write = readonly.postJson("/api/v1/things", "{\"display_name\":\"x\"}");
        assertThat(write.status()).isEqualTo(403);
        assertThat(write.errorCode()).isEqualTo("FORBIDDEN");
        assertThat(readonly.postJson("/api/v1/things/admin-only", "{}").status()).isEqualTo(403);
    }

    @Test
    void adminRoleMayDoEverything() {
        TestHttp admin = anonymous().withToken(ISSUER.userToken("root", "admin"));
        assertThat(admin.postJson("/api/v1/things", "{\"display_name\":\"x\"}").status()).isEqualTo(201);
        assertThat(admin.postJson("/api/v1/things/admin-only", "{}").status()).isEqualTo(200);
    }

    @Test
    void unknownRoleGetsNothing() {
        assertThat(read(ISSUER.userToken("someone", "superuser")).status()).isEqualTo(403);
    }

    @Test
    void cachedKeysKeepWorkingWhileTheJwksUrlIsDown() {
        assertThat(read(ISSUER.serviceToken("sa_reader", "files:read")).status()).isEqualTo(200);
        ISSUER.setAvailable(false);
        try {
            assertThat(read(ISSUER.serviceToken("sa_reader", "files:read")).status()).isEqualTo(200);
        } finally {
            ISSUER.setAvailable(true);
        }
    }
}
