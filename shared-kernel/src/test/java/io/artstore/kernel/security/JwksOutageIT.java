package io.artstore.kernel.security;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

import io.artstore.kernel.testapp.KernelTestApplication;
import io.artstore.testsupport.http.TestHttp;
import io.artstore.testsupport.tokens.TestTokenIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A resource server facing an admin-module outage: keys it fetched at start keep serving, even for
 * the first token it ever sees; without any keys it answers 503 {@code AUTH_UNAVAILABLE}, never 500,
 * and it picks the keys up by itself once admin-module is back.
 */
class JwksOutageIT {

    private static final String READ = "/api/v1/things?limit=1";

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(40));
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as(what).isBefore(deadline);
            Thread.sleep(100);
        }
    }

    @Nested
    @SpringBootTest(classes = KernelTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
    class AdminGoesDownAfterStart {

        static final TestTokenIssuer ISSUER = TestTokenIssuer.start();

        @DynamicPropertySource
        static void security(DynamicPropertyRegistry registry) {
            registry.add("artstore.security.jwks-url", ISSUER::jwksUrl);
        }

        @AfterAll
        static void stop() {
            ISSUER.close();
        }

        @LocalServerPort
        int port;

        @Autowired
        RemoteJwks keys;

        @Test
        void theFirstTokenSignedByAKnownKeyIsAcceptedWhileAdminIsDown() throws InterruptedException {
            await(keys::loaded, "keys fetched at start, with no request asking for them");
            ISSUER.setAvailable(false);
            try {
                TestHttp.Response response = TestHttp.to("http://127.0.0.1:" + port)
                        .withToken(ISSUER.serviceToken("sa_first_" + System.nanoTime(), "files:read")).get(READ);
                assertThat(response.status()).as(response.toString()).isEqualTo(200);
            } finally {
                ISSUER.setAvailable(true);
            }
        }
    }

    @Nested
    @SpringBootTest(classes = KernelTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
            properties = "artstore.security.jwks-retry-interval=200ms")
    class AdminDownFromTheStart {

        static final TestTokenIssuer ISSUER = TestTokenIssuer.start();

        static {
            ISSUER.setAvailable(false);
        }

        @DynamicPropertySource
        static void security(DynamicPropertyRegistry registry) {
            registry.add("artstore.security.jwks-url", ISSUER::jwksUrl);
        }

        @AfterAll
        static void stop() {
            ISSUER.close();
        }

        @LocalServerPort
        int port;

        @Autowired
        RemoteJwks keys;

        @Test
        void noKeysIs503AuthUnavailableUntilAdminIsBack() throws InterruptedException {
            TestHttp client = TestHttp.to("http://127.0.0.1:" + port)
                    .withToken(ISSUER.serviceToken("sa_early", "files:read"));
            TestHttp.Response refused = client.get(READ);
            assertThat(refused.status()).as(refused.toString()).isEqualTo(503);
            assertThat(refused.errorCode()).isEqualTo("AUTH_UNAVAILABLE");
            assertThat(refused.header("Retry-After")).isEqualTo(BearerTokenFailureHandler.RETRY_AFTER_SECONDS);
            assertThat(refused.body()).doesNotContain("Exception").doesNotContain("JWK");
            assertThat(keys.loaded()).isFalse();

            ISSUER.setAvailable(true);
            await(keys::loaded, "keys fetched in the background once admin-module answers");
            ISSUER.setAvailable(false);
            TestHttp.Response later = TestHttp.to("http://127.0.0.1:" + port)
                    .withToken(ISSUER.serviceToken("sa_later_" + System.nanoTime(), "files:read")).get(READ);
            assertThat(later.status()).as(later.toString()).isEqualTo(200);
        }
    }
}
