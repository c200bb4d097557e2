package io.artstore.kernel.error;

import io.artstore.kernel.KernelIntegrationTest;
import io.artstore.testsupport.http.TestHttp;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every class of failure answers in the common error format with the right status and code. */
class ErrorFormatIT extends KernelIntegrationTest {

    private TestHttp reader() {
        return withScopes("files:read", "files:write");
    }

    private static void assertError(TestHttp.Response response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        assertThat(response.json().path("error").path("code").asString()).isEqualTo(code);
        assertThat(response.json().path("error").path("message").asString()).isNotBlank();
        assertThat(response.json().properties()).hasSize(1);
    }

    @Test
    void beanValidationFailureIs400WithFieldNames() {
        TestHttp.Response response = reader().postJson("/api/v1/things", "{\"display_name\":\"\",\"ttl_days\":366}");
        assertError(response, 400, "VALIDATION_ERROR");
        assertThat(response.json().path("error").path("message").asString()).contains("display_name").contains("ttl_days");
    }

    @Test
    void malformedJsonIs400() {
        assertError(reader().postJson("/api/v1/things", "{\"display_name\":"), 400, "VALIDATION_ERROR");
    }

    @Test
    void unknownJsonFieldIs400() {
        TestHttp.Response response = reader().postJson("/api/v1/things", "{\"display_name\":\"x\",\"evil\":1}");
        assertError(response, 400, "VALIDATION_ERROR");
        assertThat(response.body()).contains("evil");
    }

    @Test
    void wrongJsonTypeIs400() {
        assertError(reader().postJson("/api/v1/things", "{\"display_name\":\"x\",\"ttl_days\":\"many\"}"), 400, "VALIDATION_ERROR");
    }

    @Test
    void nonUuidIdIs400NotA500() {
        TestHttp.Response response = reader().get("/api/v1/things/not-a-uuid");
        assertError(response, 400, "VALIDATION_ERROR");
        assertThat(response.json().path("error").path("message").asString()).contains("UUID");
    }

    @Test
    void missingParameterIs400() {
        TestHttp.Response response = reader().get("/api/v1/things/search");
        assertError(response, 400, "VALIDATION_ERROR");
        assertThat(response.body()).contains("name");
    }

    @Test
    void unknownResourceIs404() {
        assertError(reader().get("/api/v1/things/" + java.util.UUID.randomUUID()), 404, "NOT_FOUND");
    }

    @Test
    void unknownPathIs404() {
        assertError(reader().get("/api/v1/no-such-endpoint"), 404, "NOT_FOUND");
    }

    @Test
    void wrongMethodIs405WithAllow() {
        TestHttp.Response response = reader().delete("/api/v1/things");
        assertError(response, 405, "METHOD_NOT_ALLOWED");
        assertThat(response.header("Allow")).contains("GET");
    }

    @Test
    void wrongContentTypeIs415() {
        TestHttp.Response response = reader().send("POST", "/api/v1/things",
                java.net.http.HttpRequest.BodyPublishers.ofString("name=x"), "Content-Type", "text/plain");
        assertError(response, 415, "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void containerLevelErrorsUseTheCommonFormat() {
        assertError(reader().get("/api/v1/things/status/413"), 413, "FILE_TOO_LARGE");
        assertError(reader().get("/api/v1/things/status/400"), 400, "VALIDATION_ERROR");
        assertError(reader().get("/api/v1/things/status/503"), 503, "SERVICE_UNAVAILABLE");
    }

    @Test
    void missingTokenIs401() {
        TestHttp.Response response = anonymous().get("/api/v1/things");
        assertError(response, 401, "UNAUTHORIZED");
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void missingScopeIs403() {
        assertError(withScopes("storage:read").get("/api/v1/things"), 403, "FORBIDDEN");
    }

    @Test
    void unreachableDatabaseIs503SoClientsRetry() {
        TestHttp.Response response = reader().get("/api/v1/things/db-down");
        assertError(response, 503, "SERVICE_UNAVAILABLE");
        assertThat(response.body()).doesNotContain("hunter2", "5432", "Exception");
    }

    @Test
    void unexpectedFailureIs500WithoutLeakingDetails() {
        TestHttp.Response response = reader().get("/api/v1/things/boom");
        assertError(response, 500, "INTERNAL_ERROR");
        assertThat(response.body()).doesNotContain("hunter2", "/var/lib", "Exception", "at io.");
    }
}
