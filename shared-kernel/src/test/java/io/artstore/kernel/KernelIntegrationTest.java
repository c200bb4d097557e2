package io.artstore.kernel;

import io.artstore.kernel.testapp.KernelTestApplication;
import io.artstore.testsupport.http.TestHttp;
import io.artstore.testsupport.tokens.TestTokenIssuer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Base of the kernel's HTTP tests: one running test service and one token issuer for all of them. */
@SpringBootTest(classes = KernelTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.application.name=kernel-test")
public abstract class KernelIntegrationTest {

    protected static final TestTokenIssuer ISSUER = TestTokenIssuer.start();

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void security(DynamicPropertyRegistry registry) {
        registry.add("artstore.security.jwks-url", ISSUER::jwksUrl);
        registry.add("artstore.security.issuer", () -> TestTokenIssuer.DEFAULT_ISSUER);
    }

    protected TestHttp anonymous() {
        return TestHttp.to("http://127.0.0.1:" + port);
    }

    protected TestHttp withScopes(String... scopes) {
        return anonymous().withToken(ISSUER.serviceToken("sa_test_client", scopes));
    }
}
