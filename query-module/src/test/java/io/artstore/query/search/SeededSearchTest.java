package io.artstore.query.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import io.artstore.query.support.QueryApi;
import io.artstore.query.support.QueryServiceTest;
import io.artstore.query.support.Registry;
import io.artstore.query.support.RegistryFile;
import io.artstore.query.support.SampleCatalog;
import io.artstore.testsupport.http.TestHttp;
import io.artstore.testsupport.tokens.TestTokenIssuer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the search tests: one running query-module whose registry holds the
 * {@link SampleCatalog} (seeded once, with plain INSERTs after query's indexes exist, the way
 * admin-module writes). Expected answers are computed from the catalog itself. Matches are
 * counted in full (the total limit is above the catalog's size) unless a subclass sets it lower.
 */
@QueryServiceTest(properties = {"artstore.test.suite=search", "artstore.query.search.total-limit=100000"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SeededSearchTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    protected final QueryApi api;
    protected final Registry registry;
    protected final SampleCatalog catalog = SampleCatalog.create();

    protected SeededSearchTest(int port, TestTokenIssuer issuer, JdbcTemplate jdbc) {
        this.api = new QueryApi(port, issuer);
        this.registry = new Registry(jdbc);
    }

    @BeforeAll
    void seedOnce() {
        if (registry.count() == 0) {
            registry.addStorageElement(SampleCatalog.STORAGE_ELEMENT, "catalog-se", "http://127.0.0.1:1");
            registry.insertAll(catalog.files());
        }
        assertThat(registry.count()).isEqualTo(catalog.files().size());
    }

    /** A JSON body from alternating names and values. */
    protected static String body(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return JSON.writeValueAsString(map);
    }

    protected TestHttp.Response search(Object... pairs) {
        return api.search(body(pairs));
    }

    /** Every hit of a search, paging through with limit 1000; checks total and has_more on the way. */
    protected List<JsonNode> all(Object... pairs) {
        List<JsonNode> hits = new ArrayList<>();
        long total = -1;
        for (int offset = 0; ; offset += 1000) {
            Object[] paged = java.util.Arrays.copyOf(pairs, pairs.length + 4);
            paged[pairs.length] = "limit";
            paged[pairs.length + 1] = 1000;
            paged[pairs.length + 2] = "offset";
            paged[pairs.length + 3] = offset;
            TestHttp.Response response = search(paged);
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            JsonNode page = response.json();
            total = page.path("total").asLong();
            page.path("items").forEach(hits::add);
            boolean more = page.path("has_more").asBoolean();
            if (page.path("total_capped").asBoolean()) {
                assertThat(more).isTrue();
                assertThat(total).isGreaterThanOrEqualTo(offset + page.path("items").size());
            } else {
                assertThat(more).isEqualTo(offset + page.path("items").size() < total);
            }
            if (!more) {
                break;
            }
        }
        assertThat(hits).hasSize((int) total);
        return hits;
    }

    protected static List<UUID> ids(List<JsonNode> hits) {
        return hits.stream().map(h -> UUID.fromString(h.path("file_id").asString())).toList();
    }

    protected static List<String> names(List<JsonNode> hits) {
        return hits.stream().map(h -> h.path("original_filename").asString()).toList();
    }

    protected static List<JsonNode> items(TestHttp.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        response.json().path("items").forEach(items::add);
        return items;
    }

    /** Catalog rows matching the predicate (status filters included in the predicate). */
    protected List<UUID> expected(Predicate<RegistryFile> predicate) {
        return catalog.files().stream().filter(predicate).map(RegistryFile::fileId).toList();
    }

    /** Catalog rows that are active and match the predicate: the default status filter. */
    protected List<UUID> expectedActive(Predicate<RegistryFile> predicate) {
        return expected(predicate.and(f -> f.status().equals("active")));
    }

    /** Newest first, as the default sort returns them. */
    protected List<UUID> newestFirst(Predicate<RegistryFile> predicate) {
        return catalog.files().stream().filter(predicate.and(f -> f.status().equals("active")))
                .sorted(Comparator.comparing(RegistryFile::uploadedAt).reversed()
                        .thenComparing(RegistryFile::fileId, Comparator.reverseOrder()))
                .map(RegistryFile::fileId).toList();
    }

    protected static boolean containsIgnoreCase(String text, String part) {
        return text.toLowerCase(java.util.Locale.ROOT).contains(part.toLowerCase(java.util.Locale.ROOT));
    }
}
