package io.artstore.admin.replication;

import io.artstore.admin.files.CopyCounts;
import java.net.InetAddress;
import java.time.Clock;
import java.util.UUID;

import io.artstore.admin.storage.StorageElementCalls;
import io.artstore.admin.storage.StorageElementRepository;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The copy policy and the replication job's beans. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReplicationProperties.class)
public class ReplicationConfiguration {

    @Bean
    CopyPolicy copyPolicy(CopyCounts counts) {
        return CopyPolicy.of(counts);
    }

    @Bean
    ReplicationRepository replicationRepository(JdbcClient jdbc, ReplicationProperties properties,
                                                CopyCounts counts) {
        return new ReplicationRepository(jdbc, properties, counts);
    }

    @Bean
    ReplicationMetrics replicationMetrics(ReplicationRepository repository, MeterRegistry registry, Clock clock) {
        return new ReplicationMetrics(repository, registry, clock);
    }

    @Bean(destroyMethod = "shutdown")
    ReplicationJob replicationJob(ReplicationRepository repository, StorageElementRepository storageElements,
                                  StorageElementCalls calls, CopyPolicy policy, ReplicationProperties properties,
                                  ReplicationMetrics metrics, Clock clock) {
        return new ReplicationJob(repository, storageElements, calls, policy, properties, metrics, clock, replicaName());
    }

    /** Claims name the replica (host and a random part), so an operator sees who holds a file. */
    static String replicaName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException ex) {
            host = "admin-module";
        }
        return host + "/" + UUID.randomUUID().toString().substring(0, 8);
    }
}
