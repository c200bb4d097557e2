package io.artstore.kernel.client.admin;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.sun.net.httpserver.HttpServer;
import io.artstore.kernel.client.ClientProperties;
import io.artstore.kernel.error.ApiException;
import io.artstore.kernel.error.ErrorCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** admin-module's error answers as {@link AdminClient} reports them. */
class AdminClientErrorsTest {

    private HttpServer server;

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private AdminClient answering(int status, String contentType, String body) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        ClientProperties properties = new ClientProperties("http://127.0.0.1:" + server.getAddress().getPort(),
                "svc", "secret", Duration.ofSeconds(5), null, Duration.ofSeconds(5), Duration.ofSeconds(5),
                Duration.ofSeconds(60));
        return new AdminClient(RestClient.builder(), properties, () -> "token", JsonMapper.builder().build());
    }

    @Test
    void anErrorInTheCommonFormatKeepsItsStatusCodeAndMessage() throws IOException {
        AdminClient client = answering(409, "application/json",
                "{\"error\":{\"code\":\"CONFLICT\",\"message\":\"checksum differs\"}}");
        ApiException ex = catchThrowableOfType(ApiException.class, () -> client.storageElements("rw", "online"));
        assertThat(ex.code()).isEqualTo(ErrorCode.CONFLICT);
        assertThat(ex.status()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(ex.getMessage()).isEqualTo("admin-module: checksum differs");
    }

    @Test
    void theHtmlPageOfAProxyIsTheStatusCode() throws IOException {
        AdminClient client = answering(404, "text/html", "<html><body><h1>404 Not Found</h1></body></html>");
        ApiException ex = catchThrowableOfType(ApiException.class, () -> client.storageElements(null, null));
        assertThat(ex.code()).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(ex.status()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(ex.getMessage()).isEqualTo("admin-module: HTTP 404");
    }

    @Test
    void anEmptyErrorIsTheStatusCode() throws IOException {
        AdminClient client = answering(403, "application/json", "");
        ApiException ex = catchThrowableOfType(ApiException.class, () -> client.storageElements(null, null));
        assertThat(ex.code()).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(ex.getMessage()).isEqualTo("admin-module: HTTP 403");
    }
}
