package io.artstore.query.search;

import java.util.List;
import java.util.UUID;

import io.artstore.query.support.QueryServiceTest;
import io.artstore.testsupport.http.TestHttp;
import io.artstore.testsupport.tokens.TestTokenIssuer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Totals counted up to {@code QM_SEARCH_TOTAL_LIMIT} (here 100) over a catalog of thousands of
 * rows: beyond the limit {@code total} is the limit and {@code total_capped} is true; below it,
 * or once a page reaches past it, totals are exact and the flag is absent.
 */
@QueryServiceTest(properties = {"artstore.test.suite=search-capped", "artstore.query.search.total-limit=100"})
class SearchTotalLimitIT extends SeededSearchTest {

    SearchTotalLimitIT(@LocalServerPort int port, TestTokenIssuer testTokenIssuer, JdbcTemplate jdbc) {
        super(port, testTokenIssuer, jdbc);
    }

    @Test
    void aCommonSearchIsCountedUpToTheLimit() {
        List<UUID> active = newestFirst(f -> true);
        assertThat(active).hasSizeGreaterThan(1000);

        JsonNode page = search("limit", 10).json();
        assertThat(page.path("total").asLong()).isEqualTo(100);
        assertThat(page.path("total_capped").asBoolean()).isTrue();
        assertThat(page.path("has_more").asBoolean()).isTrue();
        assertThat(ids(items(search("limit", 10)))).containsExactlyElementsOf(active.subList(0, 10));
    }

    @Test
    void aPageBeyondTheLimitCountsToItsEnd() {
        List<UUID> active = newestFirst(f -> true);
        TestHttp.Response response = search("limit", 50, "offset", 500);
        JsonNode page = response.json();
        assertThat(page.path("total").asLong()).isEqualTo(550);
        assertThat(page.path("total_capped").asBoolean()).isTrue();
        assertThat(page.path("has_more").asBoolean()).isTrue();
        assertThat(ids(items(response))).containsExactlyElementsOf(active.subList(500, 550));

        JsonNode last = search("limit", 1000, "offset", active.size() - 10).json();
        assertThat(last.path("total").asLong()).isEqualTo(active.size());
        assertThat(last.has("total_capped")).isFalse();
        assertThat(last.path("has_more").asBoolean()).isFalse();
        assertThat(last.path("items").size()).isEqualTo(10);
    }

    @Test
    void aNarrowSearchHasAnExactTotal() {
        String name = catalog.files().stream().filter(f -> f.status().equals("active")).findFirst().orElseThrow()
                .originalFilename();
        List<UUID> expected = newestFirst(f -> f.originalFilename().equalsIgnoreCase(name));
        assertThat(expected).hasSizeBetween(1, 99);
        JsonNode page = search("mode", "exact", "query", name).json();
        assertThat(page.path("total").asLong()).isEqualTo(expected.size());
        assertThat(page.has("total_capped")).isFalse();
        assertThat(page.path("has_more").asBoolean()).isFalse();
    }

    @Test
    void pagingThroughEverythingStillReturnsEveryHitOnce() {
        List<UUID> active = newestFirst(f -> true);
        assertThat(ids(all())).containsExactlyElementsOf(active);
    }
}
