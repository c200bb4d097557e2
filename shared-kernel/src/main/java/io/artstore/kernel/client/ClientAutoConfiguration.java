package io.artstore.kernel.client;

import java.time.Clock;

import io.artstore.kernel.client.admin.AdminClient;
import io.artstore.kernel.client.storage.StorageElementClient;
import io.artstore.kernel.client.token.ClientCredentialsTokenProvider;
import io.artstore.kernel.client.token.ServiceTokenProvider;
import io.artstore.kernel.error.ApiException;
import io.artstore.kernel.error.ErrorCode;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Service-to-service clients: a client-credentials {@link ServiceTokenProvider} when
 * {@code artstore.clients.admin-url} is set (admin-module supplies its own provider), an
 * {@link AdminClient}, and a
 * {@link StorageElementClient} wherever a token provider exists.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration",
        "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
        "io.artstore.kernel.health.HealthAutoConfiguration"})
@EnableConfigurationProperties(ClientProperties.class)
public class ClientAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(ServiceTokenProvider.class)
    @ConditionalOnProperty(prefix = "artstore.clients", name = "admin-url")
    ServiceTokenProvider clientCredentialsTokenProvider(ClientProperties properties, Clock clock) {
        if (!properties.hasServiceAccount()) {
            return () -> {
                throw new ApiException(ErrorCode.ADMIN_UNAVAILABLE,
                        "This service has no service account configured (client id and secret)");
            };
        }
        return new ClientCredentialsTokenProvider(properties.adminUrl(), properties.clientId(),
                properties.clientSecret(), properties.adminTimeout(), properties.tokenRenewBefore(), clock);
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(ServiceTokenProvider.class)
    @ConditionalOnProperty(prefix = "artstore.clients", name = "admin-url")
    AdminClient adminClient(RestClient.Builder builder, ClientProperties properties, ServiceTokenProvider tokens,
                            JsonMapper json) {
        return new AdminClient(builder, properties, tokens, json);
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(ServiceTokenProvider.class)
    StorageElementClient storageElementClient(RestClient.Builder builder, ClientProperties properties,
                                              ServiceTokenProvider tokens, JsonMapper json) {
        return new StorageElementClient(builder, properties, tokens, json);
    }
}
