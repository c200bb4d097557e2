package io.artstore.devstack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The requests the dev stack's bootstrap sends to admin-module, against a stand-in admin-module. */
class AdminBootstrapTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dataDir;

    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<JsonNode> createdBodies = new CopyOnWriteArrayList<>();
    private String existingAccounts = "[]";
    private HttpServer admin;

    @BeforeEach
    void startAdmin() throws IOException {
        admin = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        admin.createContext("/api/v1/admin-auth/login", exchange -> answer(exchange, 200, "{\"access_token\":\"t\"}"));
        admin.createContext("/api/v1/service-accounts", exchange -> {
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            byte[] body = exchange.getRequestBody().readAllBytes();
            if ("GET".equals(exchange.getRequestMethod())) {
                answer(exchange, 200, "{\"items\":" + existingAccounts + "}");
            } else if (exchange.getRequestURI().getPath().endsWith("/rotate-secret")) {
                answer(exchange, 200, "{\"client_id\":\"sa_ingester-module_1\",\"client_secret\":\"cs_new\"}");
            } else {
                JsonNode request = JSON.readTree(body);
                createdBodies.add(request);
                answer(exchange, 201, "{\"client_id\":\"sa_" + request.path("name").asString()
                        + "_1\",\"client_secret\":\"cs_x\"}");
            }
        });
        admin.start();
    }

    @AfterEach
    void stopAdmin() {
        admin.stop(0);
    }

    @Test
    void theStacksAccountsAreCreatedWithoutSecretExpiry() {
        bootstrap().ensureServiceAccounts();

        assertThat(createdBodies).extracting(body -> body.path("name").asString())
                .containsExactly("ingester-module", "query-module", "ingest", "search");
        assertThat(createdBodies).allSatisfy(body -> {
            assertThat(body.has("secret_expiration_days")).as(body.toString()).isTrue();
            assertThat(body.path("secret_expiration_days").asInt()).as(body.toString()).isZero();
        });
    }

    @Test
    void aLostSecretIsRotatedWithTheAccountsNameConfirmed() {
        existingAccounts = "[{\"id\":\"11111111-1111-1111-1111-111111111111\",\"name\":\"ingester-module\","
                + "\"client_id\":\"sa_ingester-module_0\"}]";
        // a fresh credentials.json: the stack knows no secret of that account

        bootstrap().ensureServiceAccounts();

        assertThat(requests).contains("POST /api/v1/service-accounts/11111111-1111-1111-1111-111111111111"
                + "/rotate-secret?confirm_name=ingester-module");
    }

    private AdminBootstrap bootstrap() {
        return AdminBootstrap.login("http://127.0.0.1:" + admin.getAddress().getPort(), Credentials.load(dataDir));
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
