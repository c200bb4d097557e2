package io.artstore.admin.replication;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Turns the periodic replication pass on ({@code artstore.admin.replication.scheduling}, default true). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnBooleanProperty(name = "artstore.admin.replication.scheduling", matchIfMissing = true)
public class ReplicationScheduling {

    @Bean(destroyMethod = "shutdown")
    ReplicationScheduler replicationScheduler(ReplicationJob job) {
        return new ReplicationScheduler(job);
    }
}
