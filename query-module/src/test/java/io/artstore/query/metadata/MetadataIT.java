package io.artstore.query.metadata;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.artstore.query.support.QueryApi;
import io.artstore.query.support.QueryServiceTest;
import io.artstore.query.support.Registry;
import io.artstore.query.support.RegistryFile;
import io.artstore.testsupport.http.TestHttp;
import io.artstore.testsupport.tokens.TestTokenIssuer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /api/v1/files/{file_id}}: registry metadata through the cache. */
@QueryServiceTest(properties = "artstore.test.suite=files")
class MetadataIT {

    private final QueryApi api;
    private final Registry registry;
    private final UUID storageElement;

    MetadataIT(@LocalServerPort int port, TestTokenIssuer testTokenIssuer, JdbcTemplate jdbc) {
        this.api = new QueryApi(port, testTokenIssuer);
        this.registry = new Registry(jdbc);
        this.storageElement = registry.addStorageElement("se-meta-" + UUID.randomUUID(), "http://127.0.0.1:1/"
                + UUID.randomUUID());
    }

    private TestHttp.Response get(UUID id) {
        return api.reader().get("/api/v1/files/" + id);
    }

    @Test
    void returnsThePublicMetadata() {
        RegistryFile file = new RegistryFile(UUID.randomUUID(), "Смета_2026.xlsx", "application/vnd.ms-excel", 4321,
                "ab".repeat(32), storageElement, "sa_ingester_x", Instant.parse("2026-03-01T12:30:00Z"),
                "Смета на ремонт", List.of("финансы", "draft"), "active", "temporary", 30,
                Instant.parse("2026-03-31T12:30:00Z"));
        registry.insert(file);
        TestHttp.Response response = get(file.fileId());
        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.path("file_id").asString()).isEqualTo(file.fileId().toString());
        assertThat(body.path("original_filename").asString()).isEqualTo("Смета_2026.xlsx");
        assertThat(body.path("content_type").asString()).isEqualTo("application/vnd.ms-excel");
        assertThat(body.path("size").asLong()).isEqualTo(4321);
        assertThat(body.path("checksum").asString()).isEqualTo("ab".repeat(32));
        assertThat(body.path("uploaded_by").asString()).isEqualTo("sa_ingester_x");
        assertThat(body.path("uploaded_at").asString()).isEqualTo("2026-03-01T12:30:00Z");
        assertThat(body.path("description").asString()).isEqualTo("Смета на ремонт");
        assertThat(body.path("tags").valueStream().map(JsonNode::asString).toList()).containsExactly("финансы", "draft");
        assertThat(body.path("status").asString()).isEqualTo("active");
        assertThat(body.path("retention_policy").asString()).isEqualTo("temporary");
        assertThat(body.path("ttl_days").asInt()).isEqualTo(30);
        assertThat(body.path("expires_at").asString()).isEqualTo("2026-03-31T12:30:00Z");
        assertThat(body.propertyNames()).doesNotContain("storage_element_id", "storage_filename", "storage_element_url",
                "relevance_score");
        assertThat(response.body()).doesNotContain(storageElement.toString()).doesNotContain("internal_");
    }

    @Test
    void answersFromTheCacheWithinItsLifetime() {
        RegistryFile file = RegistryFile.active(storageElement, "cached.txt", "first description");
        registry.insert(file);
        assertThat(get(file.fileId()).json().path("description").asString()).isEqualTo("first description");
        registry.updateDescription(file.fileId(), "changed behind the cache");
        assertThat(get(file.fileId()).json().path("description").asString()).isEqualTo("first description");

        String metrics = api.anonymous().get("/metrics").body();
        assertThat(metrics).containsPattern("cache_gets_total\\{[^}]*cache=\"file_metadata\"[^}]*result=\"hit\"[^}]*} [1-9]");
        assertThat(metrics).containsPattern("query_metadata_cache_hit_ratio(\\{[^}]*})? 0?\\.?[0-9]");
    }

    @Test
    void filesOfAnyStatusHaveMetadata() {
        RegistryFile deleted = RegistryFile.active(storageElement, "gone.txt", null).withStatus("deleted");
        registry.insert(deleted);
        TestHttp.Response response = get(deleted.fileId());
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("status").asString()).isEqualTo("deleted");
        assertThat(response.json().path("description").isNull()).isTrue();
    }

    @Test
    void unknownFileIs404AndIsNotCachedAsMissing() {
        RegistryFile late = RegistryFile.active(storageElement, "late.txt", null);
        TestHttp.Response missing = get(late.fileId());
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.errorCode()).isEqualTo("NOT_FOUND");
        registry.insert(late);
        assertThat(get(late.fileId()).status()).isEqualTo(200);
    }

    @Test
    void malformedIdIs400() {
        TestHttp.Response response = api.reader().get("/api/v1/files/not-a-uuid");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("VALIDATION_ERROR");
    }

    @Test
    void needsFilesReadOrAnAdminRole() {
        RegistryFile file = RegistryFile.active(storageElement, "secured.txt", null);
        registry.insert(file);
        String path = "/api/v1/files/" + file.fileId();
        assertThat(api.anonymous().get(path).status()).isEqualTo(401);
        assertThat(api.withScopes("storage:read").get(path).status()).isEqualTo(403);
        assertThat(api.user("admin").get(path).status()).isEqualTo(200);
        assertThat(api.user("readonly").get(path).status()).isEqualTo(200);
    }
}
