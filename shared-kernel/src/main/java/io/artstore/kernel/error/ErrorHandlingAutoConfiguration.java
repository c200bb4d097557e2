package io.artstore.kernel.error;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import tools.jackson.databind.json.JsonMapper;

/** Registers the common error handling in every servlet service that has the kernel. */
@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration",
        afterName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ErrorHandlingAutoConfiguration {

    /** Errors Tomcat answers on its own (oversized headers, malformed request lines) in the common format too. */
    @Bean
    @ConditionalOnClass(name = "org.apache.catalina.valves.ErrorReportValve")
    @ConditionalOnProperty(name = "artstore.errors.json-api", havingValue = "true", matchIfMissing = true)
    WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> jsonTomcatErrorReport() {
        return new OrderedJsonErrorReportCustomizer();
    }

    static final class OrderedJsonErrorReportCustomizer
            implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

        @Override
        public void customize(ConfigurableTomcatWebServerFactory factory) {
            factory.addContextCustomizers(JsonErrorReportValve::install);
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }

    @Bean
    @ConditionalOnMissingBean
    ApiErrorWriter apiErrorWriter(JsonMapper jsonMapper) {
        return new ApiErrorWriter(jsonMapper);
    }

    @Bean
    @ConditionalOnProperty(name = "artstore.errors.json-api", havingValue = "true", matchIfMissing = true)
    ApiExceptionHandler apiExceptionHandler() {
        return new ApiExceptionHandler();
    }

    @Bean
    @ConditionalOnMissingBean(org.springframework.boot.webmvc.error.ErrorController.class)
    @ConditionalOnProperty(name = "artstore.errors.json-api", havingValue = "true", matchIfMissing = true)
    ApiErrorController apiErrorController(ApiErrorWriter writer) {
        return new ApiErrorController(writer);
    }
}
