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

    /** admin-module for the service that started with it up and then loses it. */
    static final TestTokenIssuer GOES_DOWN = TestTokenIssuer.start();

    /** admin-module for the service that starts while it is down. */
    static final TestTokenIssuer DOWN_FROM_START = TestTokenIssuer.start();

    static {
        DOWN_FROM_START.setAvailable(false);
    }

    @AfterAll
    static void stopIssuers() {
        GOES_DOWN.close();
        DOWN_FROM_START.close();
    }

    /** What each service under test exposes to its test. */
    abstract static class RunningService {

        @LocalServerPort
        int port;

        @Autowired
        RemoteJwks keys;

        TestHttp.Response read(TestTokenIssuer issuer, String subject) {
            return TestHttp.to("http://127.0.0.1:" + port).withToken(issuer.serviceToken(subject, "files:read")).get(READ);
        }
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(40));
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as(what).isBefore(deadline);
            Thread.sleep(100);
        }
    }

    @Nested
    @SpringBootTest(classes = KernelTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
    class AdminGoesDownAfterStart extends RunningService {

        @DynamicPropertySource
        static void security(DynamicPropertyRegistry registry) {
            registry.add("artstore.security.jwks-url", GOES_DOWN::jwksUrl);
        }

        @Test
        void theFirstTokenSignedByAKnownKeyIsAcceptedWhileAdminIsDown() throws InterruptedException {
            await(keys::loaded, "keys fetched at start, with no request asking for them");
            GOES_DOWN.setAvailable(false);
            try {
                TestHttp.Response response = read(GOES_DOWN, "sa_first_" + System.nanoTime());
                assertThat(response.status()).as(response.toString()).isEqualTo(200);
            } finally {
                GOES_DOWN.setAvailable(true);
            }
        }
    }

    @Nested
    @SpringBootTest(classes = KernelTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
            properties = "artstore.security.jwks-retry-interval=200ms")
    class AdminDownFromTheStart extends RunningService {

        @DynamicPropertySource
        static void security(DynamicPropertyRegistry registry) {
            registry.add("artstore.security.jwks-url", DOWN_FROM_START::jwksUrl);
        }

        @Test
        void noKeysIs503AuthUnavailableUntilAdminIsBack() throws InterruptedException {
            TestHttp.Response refused = read(DOWN_FROM_START, "sa_early");
            assertThat(refused.status()).as(refused.toString()).isEqualTo(503);
            assertThat(refused.errorCode()).isEqualTo("AUTH_UNAVAILABLE");
            assertThat(refused.header("Retry-After")).isEqualTo(BearerTokenFailureHandler.RETRY_AFTER_SECONDS);
            assertThat(refused.body()).doesNotContain("Exception").doesNotContain("JWK");
            assertThat(keys.loaded()).isFalse();

            DOWN_FROM_START.setAvailable(true);
            await(keys::loaded, "keys fetched in the background once admin-module answers");
            DOWN_FROM_START.setAvailable(false);
            TestHttp.Response later = read(DOWN_FROM_START, "sa_later_" + System.nanoTime());
            assertThat(later.status()).as(later.toString()).isEqualTo(200);
        }
    }
}
