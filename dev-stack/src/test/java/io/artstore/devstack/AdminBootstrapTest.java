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
    private final List<JsonNode> storageElementBodies = new CopyOnWriteArrayList<>();
    private String existingAccounts = "[]";
    private String existingStorageElements = "[]";
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
        admin.createContext("/api/v1/storage-elements", exchange -> {
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            byte[] body = exchange.getRequestBody().readAllBytes();
            if ("GET".equals(exchange.getRequestMethod())) {
                answer(exchange, 200, "{\"items\":" + existingStorageElements + "}");
            } else {
                storageElementBodies.add(JSON.readTree(body));
                answer(exchange, "POST".equals(exchange.getRequestMethod()) ? 201 : 200, "{}");
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

    @Test
    void everyStorageElementIsRegisteredWithItsSite() {
        bootstrap().ensureStorageElements(STORAGE_ELEMENTS);

        assertThat(requests).filteredOn(r -> r.startsWith("POST")).hasSize(3);
        assertThat(storageElementBodies).extracting(body -> body.path("url").asString() + " " + body.path("site").asString())
                .containsExactly("https://127.0.0.1:8010 a", "https://127.0.0.1:8011 a", "https://127.0.0.1:8012 b");
        assertThat(storageElementBodies).allSatisfy(body -> assertThat(body.path("name").asString()).isNotBlank());
    }

    @Test
    void aKnownStorageElementKeepsItsRegistrationAndGetsItsSiteWhenTheRegistryShowsAnother() {
        // se-edit: registered by an older stack, its effective site is its id; se-rw: right already;
        // se-rw-b: a registry without site labels (before issue 25) says nothing, so nothing is changed
        existingStorageElements = """
                [{"id":"11111111-1111-1111-1111-111111111111","url":"https://127.0.0.1:8010",
                  "site":"11111111-1111-1111-1111-111111111111"},
                 {"id":"22222222-2222-2222-2222-222222222222","url":"https://127.0.0.1:8011","site":"a"},
                 {"id":"33333333-3333-3333-3333-333333333333","url":"https://127.0.0.1:8012"}]
                """;

        bootstrap().ensureStorageElements(STORAGE_ELEMENTS);

        assertThat(requests).containsExactly("GET /api/v1/storage-elements?limit=1000",
                "PATCH /api/v1/storage-elements/11111111-1111-1111-1111-111111111111");
        assertThat(storageElementBodies).singleElement().satisfies(body -> assertThat(body.toString()).isEqualTo("{\"site\":\"a\"}"));
    }

    @Test
    void theSummaryListsTheStorageElementsWithTheirSites() {
        assertThat(Summary.storageElements(STORAGE_ELEMENTS).lines().toList()).containsExactly(
                "  se-edit  https://127.0.0.1:8010  edit, site a",
                "  se-rw    https://127.0.0.1:8011  rw, site a",
                "  se-rw-b  https://127.0.0.1:8012  rw, site b");
    }

    private static final List<LocalStack.StorageElement> STORAGE_ELEMENTS = List.of(
            new LocalStack.StorageElement("storage-element-edit", "se-edit", "Local SE (edit)", "edit", "a", "https://127.0.0.1:8010"),
            new LocalStack.StorageElement("storage-element-rw", "se-rw", "Local SE (rw)", "rw", "a", "https://127.0.0.1:8011"),
            new LocalStack.StorageElement("storage-element-rw-b", "se-rw-b", "Local SE (rw, site b)", "rw", "b", "https://127.0.0.1:8012"));

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
