package io.artstore.system.hostile;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.artstore.devstack.LocalStack;
import io.artstore.system.Clients;
import io.artstore.system.StackSupport;
import io.artstore.system.SystemStack;
import io.artstore.testsupport.http.Multipart;
import io.artstore.testsupport.http.TestHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SQL and LIKE metacharacters in every search field: they match literally (a {@code %} or
 * {@code _} is not a wildcard, a quote does not end a string), the answer is 200 or a 400 in
 * the common format, never a 500, and the registry is intact afterwards.
 */
class HostileSearchIT {

    private static final LocalStack STACK = SystemStack.get();
    private static final Clients CLIENTS = new Clients(STACK);
    /** Unique to this run, so only this test's files can match. */
    private static final String MARK = "hx" + UUID.randomUUID().toString().substring(0, 6);
    private static final String HOSTILE_NAME = MARK + "100%_off'; DROP TABLE files;-- \\x.txt";
    private static final String DECOY_NAME = MARK + "100ab-offZ x.txt";
    private static final String HOSTILE_TAG = "o'brien%_" + MARK;
    private static String hostileId;
    private static String decoyId;

    @BeforeAll
    static void upload() {
        TestHttp ingest = CLIENTS.ingester(CLIENTS.serviceToken("ingest"));
        hostileId = upload(ingest, HOSTILE_NAME, "[\"" + HOSTILE_TAG.replace("\\", "\\\\") + "\"]", "50% off \\ 'quoted' _x_");
        decoyId = upload(ingest, DECOY_NAME, "[\"obrienXY" + MARK + "\"]", "fifty percent");
    }

    private static String upload(TestHttp ingest, String name, String tags, String description) {
        TestHttp.Response response = Clients.upload(ingest, Multipart.form().field("ttl_days", "3").field("tags", tags)
                .field("description", description).file(name, "text/plain", name.getBytes(StandardCharsets.UTF_8)));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().path("file_id").asString();
    }

    private static List<String> ids(Map<String, Object> criteria) {
        TestHttp search = CLIENTS.query(CLIENTS.serviceToken("search"));
        TestHttp.Response response = search.postJson("/api/v1/search", StackSupport.JSON.writeValueAsString(criteria));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        for (JsonNode item : response.json().path("items")) {
            ids.add(item.path("file_id").asString());
        }
        return ids;
    }

    @Test
    void partialQueryTreatsPercentAndUnderscoreLiterally() {
        assertThat(ids(Map.of("query", MARK + "100%_off", "mode", "partial"))).containsExactly(hostileId);
        assertThat(ids(Map.of("query", MARK + "100__", "mode", "partial"))).isEmpty();
        assertThat(ids(Map.of("query", MARK + "%", "mode", "partial"))).isEmpty();
    }

    @Test
    void exactQueryMatchesTheWholeNameWithQuotesAndBackslashes() {
        assertThat(ids(Map.of("query", HOSTILE_NAME, "mode", "exact"))).containsExactly(hostileId);
        assertThat(ids(Map.of("query", MARK + "%", "mode", "exact"))).isEmpty();
    }

    @ParameterizedTest(name = "[{index}] fulltext {0}")
    @ValueSource(strings = {"'; DROP TABLE files;--", "!(&|:*", "a & | b", "\\", "''", "<->", "foo:*B", "%_%", "\u0000"})
    void fulltextQueriesWithTsquerySyntaxAre200(String query) {
        TestHttp search = CLIENTS.query(CLIENTS.serviceToken("search"));
        TestHttp.Response response = search.postJson("/api/v1/search", StackSupport.JSON.writeValueAsString(
                Map.of("query", query, "mode", "fulltext")));
        assertThat(response.status()).as(response.toString()).isIn(200, 400);
        if (response.status() == 400) {
            Hostile.assertError(response, 400, "VALIDATION_ERROR");
        }
    }

    @Test
    void filenameFilterIsLiteral() {
        assertThat(ids(Map.of("filename", MARK + "100%_off"))).containsExactly(hostileId);
        assertThat(ids(Map.of("filename", MARK + "100_"))).isEmpty();
        assertThat(ids(Map.of("filename", MARK + "%", "query", MARK))).isEmpty();
    }

    @Test
    void fileExtensionFilterIsLiteral() {
        assertThat(ids(Map.of("query", MARK, "file_extension", "txt"))).containsExactlyInAnyOrder(hostileId, decoyId);
        assertThat(ids(Map.of("query", MARK, "file_extension", "_xt"))).isEmpty();
        assertThat(ids(Map.of("query", MARK, "file_extension", "%"))).isEmpty();
        assertThat(ids(Map.of("query", MARK, "file_extension", "t'"))).isEmpty();
    }

    @Test
    void tagsFilterIsLiteral() {
        assertThat(ids(Map.of("tags", List.of(HOSTILE_TAG)))).containsExactly(hostileId);
        assertThat(ids(Map.of("tags", List.of("o'brien%_%")))).isEmpty();
        assertThat(ids(Map.of("tags", List.of("%"), "query", MARK))).isEmpty();
    }

    @Test
    void uploadedByFilterIsLiteral() {
        String uploader = STACK.credentials().client("ingest").clientId();
        assertThat(ids(Map.of("uploaded_by", uploader, "query", MARK))).containsExactlyInAnyOrder(hostileId, decoyId);
        assertThat(ids(Map.of("uploaded_by", "%", "query", MARK))).isEmpty();
        assertThat(ids(Map.of("uploaded_by", "' OR '1'='1", "query", MARK))).isEmpty();
        assertThat(ids(Map.of("uploaded_by", uploader.substring(0, 5) + "_" + uploader.substring(6), "query", MARK))).isEmpty();
    }

    @Test
    void adminRegistryFiltersAreLiteralToo() {
        TestHttp admin = CLIENTS.admin();
        for (String value : List.of("%", "' OR '1'='1", "sa\\_%", "'; DELETE FROM files;--")) {
            TestHttp.Response response = admin.get("/api/v1/files?uploaded_by=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
            assertThat(response.status()).as(value).isEqualTo(200);
            assertThat(response.json().path("total").asLong()).as(value).isZero();
        }
        Hostile.assertError(admin.get("/api/v1/files?status=" + URLEncoder.encode("active' OR '1'='1", StandardCharsets.UTF_8)),
                400, "VALIDATION_ERROR");
        Hostile.assertError(admin.get("/api/v1/files?storage_element_id=" + URLEncoder.encode("' OR 1=1--", StandardCharsets.UTF_8)),
                400, "VALIDATION_ERROR");
    }

    @Test
    void theRegistryIsIntactAfterwards() {
        TestHttp search = CLIENTS.query(CLIENTS.serviceToken("search"));
        assertThat(search.get("/api/v1/files/" + hostileId).json().path("original_filename").asString()).isEqualTo(HOSTILE_NAME);
        assertThat(Hostile.registered(CLIENTS.admin())).isGreaterThanOrEqualTo(2);
    }

    @AfterAll
    static void stackStillHealthy() {
        Hostile.assertStackHealthy(STACK);
    }
}
