package io.artstore.kernel.health;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/** Contract health endpoints on top of Actuator's health contributors. */
@AutoConfiguration(afterName = {
        "org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration",
        "org.springframework.boot.autoconfigure.info.ProjectInfoAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class HealthAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    @ConditionalOnMissingBean
    ServiceIdentity serviceIdentity(Environment environment, ObjectProvider<BuildProperties> buildProperties) {
        String name = environment.getProperty("spring.application.name", "artstore");
        BuildProperties build = buildProperties.getIfAvailable();
        String version = environment.getProperty("artstore.service.version",
                build != null && build.getVersion() != null ? build.getVersion() : "dev");
        return new ServiceIdentity(name, version);
    }

    @Bean
    @ConditionalOnMissingBean
    ReadinessEvaluator readinessEvaluator(HealthContributorRegistry registry, Environment environment) {
        List<String> excluded = Binder.get(environment).bind("artstore.health.exclude", String[].class)
                .map(List::of).orElse(List.of("ping", "diskSpace", "ssl", "livenessState", "readinessState"));
        return new ReadinessEvaluator(registry, new HashSet<>(excluded));
    }

    @Bean
    HealthController artstoreHealthController(ReadinessEvaluator evaluator, ServiceIdentity identity, Clock clock) {
        return new HealthController(evaluator, identity, clock);
    }
}
