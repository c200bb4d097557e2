package io.artstore.query.download;

import io.artstore.kernel.client.storage.StorageElementClient;
import io.artstore.kernel.client.token.ServiceTokenProvider;
import io.artstore.query.metadata.MetadataService;
import io.artstore.query.schema.SearchSchema;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Download proxy wiring. The {@link StorageElementClient} and the client-credentials token
 * provider come from the shared kernel ({@code artstore.clients.*}, mapped from the QM_*
 * variables); without a service account configured, a stand-in provider keeps the service up
 * (search and metadata work) and downloads answer 502.
 */
@Configuration(proxyBeanMethods = false)
class DownloadConfiguration {

    @Bean
    FileLocator fileLocator(JdbcClient jdbc) {
        return new FileLocator(jdbc);
    }

    /** In memory, per replica: each query-module instance measures the storage elements from where it runs. */
    @Bean
    LatencyRanking latencyRanking() {
        return new LatencyRanking();
    }

    @Bean
    DownloadMetrics downloadMetrics(MeterRegistry registry) {
        return new DownloadMetrics(registry);
    }

    @Bean
    DownloadProxy downloadProxy(FileLocator locator, LatencyRanking ranking, StorageElementClient storageElements,
                                ServiceTokenProvider tokens, MetadataService metadata, SearchSchema schema,
                                DownloadMetrics metrics) {
        return new DownloadProxy(locator, ranking, storageElements, tokens, metadata, schema, metrics);
    }

    @Bean
    @Conditional(MissingServiceAccount.NotConfigured.class)
    ServiceTokenProvider missingServiceAccount() {
        return new MissingServiceAccount();
    }
}
