package io.artstore.query.search;

import java.util.Collections;
import java.util.List;

import io.artstore.testsupport.http.TestHttp;
import io.artstore.testsupport.tokens.TestTokenIssuer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Request validation (400 VALIDATION_ERROR) and access control of {@code POST /api/v1/search}. */
class SearchValidationIT extends SeededSearchTest {

    SearchValidationIT(@LocalServerPort int port, TestTokenIssuer testTokenIssuer, JdbcTemplate jdbc) {
        super(port, testTokenIssuer, jdbc);
    }

    private static void assertInvalid(TestHttp.Response response, String messagePart) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("VALIDATION_ERROR");
        assertThat(response.json().path("error").path("message").asString()).contains(messagePart);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mode", "status", "retention_policy", "sort_by", "sort_order"})
    void unknownEnumValuesAre400(String field) {
        assertInvalid(search(field, "bogus"), field);
        assertInvalid(search(field, "EXACT"), field);
    }

    @Test
    void limitMustBeWithin1And1000() {
        assertInvalid(search("limit", 0), "limit");
        assertInvalid(search("limit", 1001), "limit");
        assertInvalid(search("limit", -5), "limit");
        assertThat(search("limit", 1).status()).isEqualTo(200);
        assertThat(search("limit", 1000).status()).isEqualTo(200);
    }

    @Test
    void offsetMustNotBeNegative() {
        assertInvalid(search("offset", -1), "offset");
    }

    @Test
    void sizesMustNotBeNegativeAndMinNotAboveMax() {
        assertInvalid(search("min_size", -1), "min_size");
        assertInvalid(search("max_size", -1), "max_size");
        assertInvalid(search("min_size", 11, "max_size", 10), "min_size");
        assertThat(search("min_size", 10, "max_size", 10).status()).isEqualTo(200);
    }

    @Test
    void uploadedAfterMustNotBeLaterThanUploadedBefore() {
        assertInvalid(search("uploaded_after", "2026-02-01T00:00:00Z", "uploaded_before", "2026-01-01T00:00:00Z"),
                "uploaded_after");
        TestHttp.Response notADate = search("uploaded_after", "yesterday");
        assertThat(notADate.status()).isEqualTo(400);
        assertThat(notADate.errorCode()).isEqualTo("VALIDATION_ERROR");
    }

    @Test
    void lengthLimits() {
        assertInvalid(search("query", "q".repeat(501)), "query");
        assertThat(search("query", "q".repeat(500)).status()).isEqualTo(200);
        assertInvalid(search("filename", "f".repeat(256)), "filename");
        assertInvalid(search("file_extension", "e".repeat(11)), "file_extension");
        assertInvalid(search("tags", Collections.nCopies(51, "x")), "tags");
        assertInvalid(search("tags", List.of("ok", " ")), "tags[1]");
    }

    @Test
    void unknownFieldsAndMalformedBodiesAre400() {
        assertInvalid(search("colour", "red"), "colour");
        TestHttp.Response malformed = api.reader().postJson("/api/v1/search", "{\"query\":");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.errorCode()).isEqualTo("VALIDATION_ERROR");
    }

    @Test
    void needsATokenWithFilesRead() {
        TestHttp.Response anonymous = api.anonymous().postJson("/api/v1/search", "{}");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.errorCode()).isEqualTo("UNAUTHORIZED");
        TestHttp.Response wrongScope = api.withScopes("files:write", "storage:read").postJson("/api/v1/search", "{}");
        assertThat(wrongScope.status()).isEqualTo(403);
        assertThat(wrongScope.errorCode()).isEqualTo("FORBIDDEN");
        assertThat(api.user("admin").postJson("/api/v1/search", "{}").status()).isEqualTo(200);
        assertThat(api.user("readonly").postJson("/api/v1/search", "{}").status()).isEqualTo(200);
    }

    @Test
    void searchesAreCountedByModeAndOutcome() {
        search("mode", "fulltext", "query", "bridge");
        search("mode", "exact", "min_size", 5, "max_size", 1);
        String metrics = api.anonymous().get("/metrics").body();
        assertThat(metrics).containsPattern("query_search_total\\{[^}]*mode=\"fulltext\"[^}]*outcome=\"success\"");
        assertThat(metrics).containsPattern("query_search_total\\{[^}]*mode=\"exact\"[^}]*outcome=\"invalid\"");
        assertThat(metrics).contains("query_search_duration_seconds_bucket");
    }
}
