package io.artstore.system;

import java.net.http.HttpRequest;
import java.util.Map;

import io.artstore.devstack.Credentials;
import io.artstore.devstack.LocalStack;
import io.artstore.testsupport.http.Multipart;
import io.artstore.testsupport.http.TestHttp;
import tools.jackson.databind.json.JsonMapper;

/** HTTP clients of the running stack, each with the right token. */
public final class Clients {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final LocalStack stack;

    public Clients(LocalStack stack) {
        this.stack = stack;
    }

    /** Token of one of the stack's service accounts ({@code ingest}, {@code search}, ...) from the contract endpoint. */
    public String serviceToken(String account) {
        Credentials.Client client = stack.credentials().client(account);
        TestHttp.Response response = TestHttp.to(stack.adminUrl()).postJson("/api/v1/auth/token", JSON.writeValueAsString(
                Map.of("client_id", client.clientId(), "client_secret", client.clientSecret())));
        if (response.status() != 200) {
            throw new IllegalStateException("No token for " + account + ": " + response);
        }
        return response.json().path("access_token").asString();
    }

    public String adminToken() {
        TestHttp.Response response = TestHttp.to(stack.adminUrl()).postJson("/api/v1/admin-auth/login",
                JSON.writeValueAsString(Map.of("username", stack.credentials().adminUsername(),
                        "password", stack.credentials().adminPassword())));
        if (response.status() != 200) {
            throw new IllegalStateException("admin login failed: " + response);
        }
        return response.json().path("access_token").asString();
    }

    public TestHttp admin() {
        return TestHttp.to(stack.adminUrl()).withToken(adminToken());
    }

    public TestHttp ingester(String token) {
        return TestHttp.to(stack.ingesterUrl()).withToken(token);
    }

    public TestHttp query(String token) {
        return TestHttp.to(stack.queryUrl()).withToken(token);
    }

    /** A storage element over HTTPS, trusting the stack's CA. */
    public TestHttp storageElement(String url, String token) {
        return TestHttp.to(url, stack.certificates().httpClient()).withToken(token);
    }

    public static TestHttp.Response upload(TestHttp ingester, Multipart form) {
        return ingester.send(ingester.request("/api/v1/files/upload").header("Content-Type", form.contentType())
                .POST(form.publisher()));
    }

    public static TestHttp.Response uploadChunked(TestHttp ingester, Multipart form) {
        return ingester.send(ingester.request("/api/v1/files/upload").header("Content-Type", form.contentType())
                .POST(form.chunkedPublisher()));
    }

    public static HttpRequest.BodyPublisher none() {
        return HttpRequest.BodyPublishers.noBody();
    }
}
