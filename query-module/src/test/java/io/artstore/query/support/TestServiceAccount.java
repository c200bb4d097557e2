package io.artstore.query.support;

import java.time.Duration;

import io.artstore.kernel.client.token.ServiceTokenProvider;
import io.artstore.testsupport.tokens.TestTokenIssuer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * query-module's own service-account token in tests (admin-module is not running): a static
 * token minted once by the test issuer with {@code files:read}, as admin-module would issue it.
 * Storage elements in tests expect exactly this token.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestServiceAccount {

    public static final String CLIENT_ID = "sa_query_test";

    @Bean
    ServiceTokenProvider testServiceTokenProvider(TestTokenIssuer issuer) {
        String token = issuer.token().subject(CLIENT_ID).scopes("files:read")
                .lifetime(Duration.ofHours(12)).build();
        return () -> token;
    }
}
