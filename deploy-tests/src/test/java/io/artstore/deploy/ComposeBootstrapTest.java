package io.artstore.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * deploy/compose/bootstrap.sh (also the documented Kubernetes first-start helper) run against a
 * stand-in admin-module: the service accounts of ingester and query are created without secret
 * expiry, so those services do not stop on the day the default expiry would end; the storage
 * elements are registered with their site labels.
 */
class ComposeBootstrapTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path work;

    @Test
    void createsTheServicesAccountsWithoutSecretExpiry() throws IOException, InterruptedException {
        for (String tool : List.of("bash", "curl", "jq")) {
            assumeTrue(onPath(tool), tool + " is not installed");
        }
        List<JsonNode> created = new CopyOnWriteArrayList<>();
        HttpServer admin = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        admin.createContext("/api/v1/admin-auth/login", exchange -> answer(exchange, 200, "{\"access_token\":\"t\"}"));
        admin.createContext("/api/v1/service-accounts", exchange -> {
            JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
            created.add(body);
            answer(exchange, 201, JSON.writeValueAsString(Map.of("client_id", "sa_" + body.path("name").asString()
                    + "_1", "client_secret", "cs_x")));
        });
        List<JsonNode> registered = new CopyOnWriteArrayList<>();
        admin.createContext("/api/v1/storage-elements", exchange -> {
            registered.add(JSON.readTree(exchange.getRequestBody().readAllBytes()));
            answer(exchange, 201, "{}");
        });
        admin.start();
        try {
            Path env = Files.writeString(work.resolve("bootstrap.env"), "AM_INIT_ADMIN_PASSWORD=pw\n");
            ProcessBuilder builder = new ProcessBuilder("bash", RepoFiles.resolve("deploy/compose/bootstrap.sh").toString())
                    .redirectErrorStream(true);
            // the script sources ./$ENV_FILE from the repository root
            builder.environment().put("ENV_FILE", RepoFiles.root().toAbsolutePath().normalize()
                    .relativize(env.toAbsolutePath().normalize()).toString());
            builder.environment().put("ADMIN_URL", "http://127.0.0.1:" + admin.getAddress().getPort());
            Process run = builder.start();
            String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(run.exitValue()).as(output).isZero();
        } finally {
            admin.stop(0);
        }
        assertThat(created).extracting(body -> body.path("name").asString()).containsExactly("ingester", "query");
        assertThat(created).allSatisfy(body -> {
            assertThat(body.has("secret_expiration_days")).as(body.toString()).isTrue();
            assertThat(body.path("secret_expiration_days").asInt()).as(body.toString()).isZero();
        });
        // issue 25: three SEs, the two rw ones on distinct sites
        assertThat(registered).extracting(body -> body.path("url").asString() + " " + body.path("site").asString())
                .containsExactly("https://se-edit:8010 a", "https://se-rw:8010 a", "https://se-rw-b:8010 b");
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
