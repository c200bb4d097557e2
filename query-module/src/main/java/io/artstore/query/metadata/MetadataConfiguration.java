package io.artstore.query.metadata;

import java.util.concurrent.ForkJoinPool;

import com.github.benmanes.caffeine.cache.Ticker;
import io.artstore.query.schema.SearchSchema;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Registry access and the metadata cache. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MetadataCacheProperties.class)
class MetadataConfiguration {

    @Bean
    FileRegistry fileRegistry(JdbcClient jdbc) {
        return new FileRegistry(jdbc);
    }

    @Bean
    MetadataCache metadataCache(MetadataCacheProperties properties, MeterRegistry registry) {
        return new MetadataCache(properties, Ticker.systemTicker(), ForkJoinPool.commonPool(), registry);
    }

    @Bean
    MetadataService metadataService(FileRegistry registry, MetadataCache cache, SearchSchema schema) {
        return new MetadataService(registry, cache, schema);
    }
}
