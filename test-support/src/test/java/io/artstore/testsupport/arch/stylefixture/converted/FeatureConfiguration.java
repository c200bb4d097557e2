package io.artstore.testsupport.arch.stylefixture.converted;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A feature's configuration declaring its bean: allowed. */
@Configuration(proxyBeanMethods = false)
public class FeatureConfiguration {

    @Bean
    PlainBean plainBean() {
        return new PlainBean();
    }
}
