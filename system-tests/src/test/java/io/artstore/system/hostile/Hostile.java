package io.artstore.system.hostile;

import java.util.List;

import io.artstore.devstack.LocalStack;
import io.artstore.system.StackSupport;
import io.artstore.testsupport.http.TestHttp;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Assertions shared by the hostile-input tests: the documented error, never a 500, every service still up. */
final class Hostile {

    static final List<String> PROCESSES = List.of("admin-module", "storage-element-edit", "storage-element-rw",
            "storage-element-rw-b",
            "ingester-module", "query-module", "admin-ui");

    private Hostile() {
    }

    /** The answer is {@code status} with the common error body naming {@code code}. */
    static void assertError(TestHttp.Response response, int status, String code) {
        assertThat(response.status()).as("status of %s", response).isNotEqualTo(500).isEqualTo(status);
        JsonNode error = response.json().path("error");
        assertThat(error.path("code").asString()).as("error code of %s", response).isEqualTo(code);
        assertThat(error.path("message").asString()).as("message of %s", response).isNotBlank();
        assertNoLeak(response.body());
    }

    /** An error message never carries a stack trace, SQL or a server path. */
    static void assertNoLeak(String body) {
        assertThat(body).doesNotContain("Exception", "\tat ", "SQLState", "SELECT ", "/tmp/", "artstore-system-");
    }

    /** Every process of the stack is alive and answers its liveness probe. */
    static void assertStackHealthy(LocalStack stack) {
        for (String name : PROCESSES) {
            assertThat(stack.process(name).isAlive()).as(name + " still running").isTrue();
        }
        for (String url : List.of(stack.adminUrl(), stack.ingesterUrl(), stack.queryUrl(), stack.uiUrl())) {
            assertThat(TestHttp.to(url).get("/health/live").status()).as(url + " live").isEqualTo(200);
        }
        for (String url : stack.storageElements().stream().map(LocalStack.StorageElement::url).toList()) {
            assertThat(TestHttp.to(url, stack.certificates().httpClient()).get("/health/live").status())
                    .as(url + " live").isEqualTo(200);
        }
    }

    /** Number of files in the registry (any status). */
    static long registered(TestHttp admin) {
        long total = 0;
        for (String status : List.of("active", "expired", "deleted")) {
            total += admin.get("/api/v1/files?limit=1&status=" + status).json().path("total").asLong();
        }
        return total;
    }

    /** Number of distinct files on the storage elements (sidecars on disk; a replicated copy is no new file). */
    static int onDisk() {
        return StackSupport.filesOnSes();
    }
}
