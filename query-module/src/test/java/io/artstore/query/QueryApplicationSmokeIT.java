package io.artstore.query;

import io.artstore.query.support.QueryApi;
import io.artstore.query.support.QueryServiceTest;
import io.artstore.testsupport.tokens.TestTokenIssuer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@QueryServiceTest(properties = "artstore.test.suite=smoke")
class QueryApplicationSmokeIT {

    private final QueryApi api;

    QueryApplicationSmokeIT(@LocalServerPort int port, TestTokenIssuer testTokenIssuer) {
        this.api = new QueryApi(port, testTokenIssuer);
    }

    @Test
    void startsAndAnswersHealthAndMetrics() {
        assertThat(api.anonymous().get("/health/live").json().path("service").asString()).isEqualTo("query-module");
        var ready = api.anonymous().get("/health/ready");
        assertThat(ready.status()).as(ready.toString()).isEqualTo(200);
        assertThat(ready.json().path("checks").path("postgresql").path("status").asString()).isEqualTo("ok");
        assertThat(api.anonymous().get("/metrics").body()).contains("jvm_memory_used_bytes");
    }

    @Test
    void publishesApiDocsForEveryEndpoint() {
        var docs = api.anonymous().get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().path("paths").propertyNames())
                .contains("/api/v1/search", "/api/v1/files/{file_id}", "/api/v1/files/{file_id}/download");
        var request = docs.json().path("components").path("schemas").path("SearchRequest").path("properties");
        assertThat(request.path("mode").path("enum").valueStream().map(v -> v.asString()).toList())
                .containsExactly("exact", "partial", "fulltext");
        // the shared-kernel enums are documented with their lower-case contract values
        assertThat(request.path("status").path("enum").valueStream().map(v -> v.asString()).toList())
                .containsExactly("active", "expired", "deleted");
        assertThat(request.path("retention_policy").path("enum").valueStream().map(v -> v.asString()).toList())
                .containsExactly("temporary", "permanent");
        var item = docs.json().path("components").path("schemas").path("SearchResultItem").path("properties");
        assertThat(item.path("status").path("enum").valueStream().map(v -> v.asString()).toList())
                .containsExactly("active", "expired", "deleted");
        assertThat(request.propertyNames()).contains("file_extension", "uploaded_after", "sort_by")
                .doesNotContain("query_text");
        var search = docs.json().path("paths").path("/api/v1/search").path("post");
        assertThat(search.path("responses").propertyNames()).contains("200", "400", "401", "403");
        assertThat(search.path("security").toString()).contains("bearerAuth");
    }
}
