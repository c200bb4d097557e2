package io.artstore.kernel.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * Socket buffers of every service's Tomcat connector sized for file bodies: 64 KiB instead of
 * 8 KiB between the application and the socket (and the TLS engine). File uploads and
 * downloads move through these buffers; with 8 KiB each 64 KiB the application writes became
 * eight TLS records and eight system calls (docs/benchmarks.md).
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(ConfigurableTomcatWebServerFactory.class)
public class TomcatBuffersAutoConfiguration {

    static final int BUFFER_SIZE = 64 * 1024;

    @Bean
    WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> fileSizedSocketBuffers() {
        return factory -> factory.addConnectorCustomizers(connector -> {
            connector.setProperty("socket.appReadBufSize", Integer.toString(BUFFER_SIZE));
            connector.setProperty("socket.appWriteBufSize", Integer.toString(BUFFER_SIZE));
        });
    }
}
