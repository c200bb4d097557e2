package io.artstore.kernel.paging;

import io.artstore.kernel.KernelIntegrationTest;
import io.artstore.testsupport.http.TestHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class PagingIT extends KernelIntegrationTest {

    private TestHttp reader() {
        return withScopes("files:read");
    }

    @Test
    void defaultsAreLimit100Offset0() {
        JsonNode page = reader().get("/api/v1/things").json();
        assertThat(page.path("limit").asInt()).isEqualTo(100);
        assertThat(page.path("offset").asInt()).isEqualTo(0);
        assertThat(page.path("total").asLong()).isEqualTo(250);
        assertThat(page.path("items")).hasSize(100);
        assertThat(page.path("has_more").asBoolean()).isTrue();
        assertThat(page.path("items").get(0).has("display_name")).as("snake_case fields").isTrue();
    }

    @Test
    void lastPageHasNoMore() {
        JsonNode page = reader().get("/api/v1/things?limit=50&offset=200").json();
        assertThat(page.path("items")).hasSize(50);
        assertThat(page.path("has_more").asBoolean()).isFalse();
        assertThat(reader().get("/api/v1/things?limit=1000&offset=0").json().path("items")).hasSize(250);
    }

    @ParameterizedTest
    @ValueSource(strings = {"limit=0", "limit=1001", "offset=-1", "limit=-5", "limit=abc", "offset=1.5"})
    void outOfRangeValuesAre400(String query) {
        TestHttp.Response response = reader().get("/api/v1/things?" + query);
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("VALIDATION_ERROR");
        assertThat(response.json().path("error").path("message").asString())
                .contains(query.substring(0, query.indexOf('=')));
    }
}
