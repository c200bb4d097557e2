package io.artstore.ui.access;

import io.artstore.ui.api.AdminApi;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Users and service accounts pages. */
@Configuration(proxyBeanMethods = false)
class AccessConfiguration {

    @Bean
    AccessService accessService(AdminApi api) {
        return new AccessService(api);
    }
}
