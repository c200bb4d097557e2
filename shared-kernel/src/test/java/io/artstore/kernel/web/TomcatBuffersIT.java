package io.artstore.kernel.web;

import io.artstore.kernel.KernelIntegrationTest;
import org.apache.catalina.connector.Connector;
import org.apache.tomcat.util.net.AbstractEndpoint;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** The running connector moves file bodies through 64 KiB buffers, not Tomcat's 8 KiB default. */
class TomcatBuffersIT extends KernelIntegrationTest {

    @Autowired
    WebServerApplicationContext context;

    @Test
    void connectorBuffersAreSizedForFileBodies() throws Exception {
        Connector connector = ((TomcatWebServer) context.getWebServer()).getTomcat().getConnector();
        var handler = connector.getProtocolHandler();
        var field = org.apache.coyote.AbstractProtocol.class.getDeclaredField("endpoint");
        field.setAccessible(true);
        AbstractEndpoint<?, ?> endpoint = (AbstractEndpoint<?, ?>) field.get(handler);
        assertThat(endpoint.getSocketProperties().getAppReadBufSize()).isEqualTo(TomcatBuffersAutoConfiguration.BUFFER_SIZE);
        assertThat(endpoint.getSocketProperties().getAppWriteBufSize()).isEqualTo(TomcatBuffersAutoConfiguration.BUFFER_SIZE);
    }
}
