package io.artstore.kernel.openapi;

import io.artstore.kernel.KernelIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The error responses every operation shares are in the published document without a controller naming them. */
class CommonErrorResponsesIT extends KernelIntegrationTest {

    private static final String ERROR_BODY = "#/components/schemas/ErrorResponse";

    private JsonNode docs() {
        return anonymous().get("/v3/api-docs").json();
    }

    @Test
    void aProtectedOperationListsUnauthorizedAndForbiddenWithTheErrorBody() {
        JsonNode docs = docs();
        JsonNode responses = docs.path("paths").path("/api/v1/things/{id}").path("get").path("responses");
        for (String status : new String[] {"401", "403", "500"}) {
            assertThat(responses.path(status).path("content").path("application/json").path("schema").path("$ref")
                    .asString()).as(status).isEqualTo(ERROR_BODY);
        }
        assertThat(responses.path("403").path("description").asString()).contains("files:read");
        assertThat(docs.path("components").path("schemas").path("ErrorResponse").path("properties").has("error"))
                .isTrue();
        assertThat(docs.path("components").path("schemas").has("ErrorDetail")).isTrue();
    }

    @Test
    void anOpenOperationListsOnlyTheServerError() {
        JsonNode responses = docs().path("paths").path("/health/live").path("get").path("responses");
        assertThat(responses.has("401")).isFalse();
        assertThat(responses.has("403")).isFalse();
        assertThat(responses.path("500").path("content").path("application/json").path("schema").path("$ref")
                .asString()).isEqualTo(ERROR_BODY);
    }
}
