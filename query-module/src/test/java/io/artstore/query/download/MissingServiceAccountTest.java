package io.artstore.query.download;

import io.artstore.kernel.client.token.ServiceTokenProvider;
import io.artstore.kernel.error.ApiException;
import io.artstore.kernel.error.ErrorCode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Without QM_CLIENT_ID/QM_CLIENT_SECRET the service still starts; downloads then answer 502 saying why. */
class MissingServiceAccountTest {

    @Configuration(proxyBeanMethods = false)
    static class Config {
        @Bean
        @Conditional(MissingServiceAccount.NotConfigured.class)
        ServiceTokenProvider missingServiceAccount() {
            return new MissingServiceAccount();
        }
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Config.class);

    @Test
    void standsInWhenClientIdOrSecretIsBlank() {
        for (String[] properties : new String[][] {
                {},
                {"artstore.clients.client-id=", "artstore.clients.client-secret="},
                {"artstore.clients.client-id=sa_query_x", "artstore.clients.client-secret= "}}) {
            runner.withPropertyValues(properties).run(context -> {
                ServiceTokenProvider tokens = context.getBean(ServiceTokenProvider.class);
                assertThatThrownBy(tokens::accessToken).isInstanceOfSatisfying(ApiException.class,
                        ex -> assertThat(ex.code()).isEqualTo(ErrorCode.SE_UNAVAILABLE));
            });
        }
    }

    @Test
    void stepsAsideWhenAServiceAccountIsConfigured() {
        runner.withPropertyValues("artstore.clients.client-id=sa_query_x", "artstore.clients.client-secret=s3cret")
                .run(context -> assertThat(context).doesNotHaveBean(ServiceTokenProvider.class));
    }
}
