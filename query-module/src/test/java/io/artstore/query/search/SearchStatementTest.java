package io.artstore.query.search;

import java.time.OffsetDateTime;
import java.util.List;

import io.artstore.kernel.contract.FileStatus;
import io.artstore.kernel.contract.RetentionPolicy;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The SQL text is built from fixed fragments only; client values travel as bind parameters. */
class SearchStatementTest {

    private static final String EVIL = "x'); DROP TABLE files; --";

    private static SearchRequest request(SearchMode mode, SortField sortBy) {
        return new SearchRequest(EVIL, EVIL, "e';--", List.of(EVIL, "b"), EVIL, RetentionPolicy.PERMANENT,
                FileStatus.EXPIRED, 1L, 2L, OffsetDateTime.parse("2026-01-01T00:00:00Z"),
                OffsetDateTime.parse("2026-02-01T00:00:00Z"), mode, 10, 20, sortBy, SortOrder.ASC);
    }

    @Test
    void noClientValueEverAppearsInTheSqlText() {
        for (SearchMode mode : SearchMode.values()) {
            for (SortField sort : SortField.values()) {
                SearchStatement statement = SearchStatement.of(request(mode, sort), 1000);
                assertThat(statement.selectSql()).doesNotContain("DROP", "e';", "permanent", "expired", "2026");
                assertThat(statement.firstSql()).doesNotContain("DROP", "e';", "permanent", "expired", "2026");
                assertThat(statement.parameters()).containsEntry("status", "expired")
                        .containsEntry("retention_policy", "permanent")
                        .containsEntry("uploaded_by", EVIL.strip())
                        .containsEntry("tags", List.of(EVIL, "b"))
                        .containsEntry("limit", 10).containsEntry("offset", 20);
            }
        }
    }

    @Test
    void modesUseTheirOwnMatch() {
        assertThat(SearchStatement.of(request(SearchMode.EXACT, SortField.SIZE), 1000).selectSql())
                .contains("lower(f.original_filename) = lower(:query)").contains("NULL::real AS relevance_score")
                .contains("ORDER BY f.size ASC, f.file_id ASC");
        assertThat(SearchStatement.of(request(SearchMode.PARTIAL, SortField.RELEVANCE), 1000).selectSql())
                .contains("f.original_filename ILIKE :query_pattern").contains("ORDER BY f.uploaded_at ASC");
        SearchStatement fulltext = SearchStatement.of(request(SearchMode.FULLTEXT, SortField.RELEVANCE), 1000);
        assertThat(fulltext.selectSql())
                .contains(SearchStatement.DOCUMENT + " @@ q.terms")
                .contains("websearch_to_tsquery('english', :query) || websearch_to_tsquery('russian', :query)")
                .contains("ts_rank_cd(" + SearchStatement.DOCUMENT + ", q.terms, 32) AS relevance_score")
                .contains("ORDER BY relevance_score ASC");
        assertThat(fulltext.firstSql()).contains("q.terms")
                .contains("WITH hits AS MATERIALIZED (\nSELECT f.file_id\n")
                .contains("WHERE total.matches < :count_limit AND f.file_id IN (SELECT file_id FROM hits)")
                .endsWith("ORDER BY relevance_score ASC, f.uploaded_at DESC, f.file_id ASC");
    }

    @Test
    void theCountStopsOneAboveTheTotalLimitOrTheEndOfThePage() {
        SearchStatement near = SearchStatement.of(request(SearchMode.PARTIAL, SortField.SIZE), 1000);
        assertThat(near.firstSql()).contains("LIMIT :count_limit),\ntotal AS (SELECT count(*) AS matches FROM hits)");
        assertThat(near.countLimit()).isEqualTo(1000);
        assertThat(near.parameters()).containsEntry("count_limit", 1001L);

        SearchStatement far = SearchStatement.of(request(SearchMode.PARTIAL, SortField.SIZE), 15);
        assertThat(far.countLimit()).as("offset 20 + limit 10").isEqualTo(30);
        assertThat(far.parameters()).containsEntry("count_limit", 31L);
    }

    @Test
    void likePatternsEscapeWildcardsAndBackslash() {
        assertThat(SearchStatement.contains("100%_a\\b")).isEqualTo("%100\\%\\_a\\\\b%");
        SearchRequest manyDots = new SearchRequest(null, null, "%.b_.c.d", null, null, null, null, null, null, null,
                null, null, null, null, null, null);
        SearchStatement fallback = SearchStatement.of(manyDots, 1000);
        assertThat(fallback.parameters()).containsEntry("extension_pattern", "%.\\%.b\\_.c.d")
                .doesNotContainKey("extension");
        assertThat(fallback.firstSql()).contains("f.original_filename ILIKE :extension_pattern")
                .doesNotContain("query_file_extensions");
    }

    @Test
    void extensionsUseTheIndexedArrayWhenItCanHoldThem() {
        SearchStatement statement = SearchStatement.of(request(SearchMode.PARTIAL, SortField.UPLOADED_AT), 1000);
        assertThat(statement.parameters()).containsEntry("extension", "e';--").doesNotContainKey("extension_pattern");
        assertThat(statement.firstSql())
                .contains("query_file_extensions(f.original_filename) @> ARRAY[lower(CAST(:extension AS text))]");
        SearchRequest dotted = new SearchRequest(null, null, " .PDF ", null, null, null, null, null, null, null, null,
                null, null, null, null, null);
        assertThat(SearchStatement.of(dotted, 1000).parameters()).containsEntry("extension", "PDF")
                .containsEntry("status", "active").doesNotContainKey("query");

        assertThat(SearchStatement.indexedExtension("tar.gz")).isTrue();
        assertThat(SearchStatement.indexedExtension("a.tar.gz")).isTrue();
        assertThat(SearchStatement.indexedExtension("a.b.tar.gz")).as("three dots").isFalse();
        assertThat(SearchStatement.indexedExtension("abcdefghij")).isTrue();
        assertThat(SearchStatement.indexedExtension("abcdefghijk")).as("over 10 characters").isFalse();
    }

    @Test
    void onlyAnExactNameMayRunOnAKeptPlan() {
        assertThat(SearchStatement.of(request(SearchMode.EXACT, SortField.SIZE), 1000).onePlanFitsAllValues()).isTrue();
        assertThat(SearchStatement.of(request(SearchMode.PARTIAL, SortField.SIZE), 1000).onePlanFitsAllValues()).isFalse();
        assertThat(SearchStatement.of(request(SearchMode.FULLTEXT, SortField.SIZE), 1000).onePlanFitsAllValues()).isFalse();
        SearchRequest filtersOnly = new SearchRequest(" ", null, null, List.of("finance"), null, null, null, null, null,
                null, null, SearchMode.EXACT, null, null, null, null);
        assertThat(SearchStatement.of(filtersOnly, 1000).onePlanFitsAllValues()).as("exact mode without a name").isFalse();
    }

    @Test
    void defaultsFollowTheContract() {
        SearchRequest empty = new SearchRequest(null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null);
        assertThat(empty.mode()).isEqualTo(SearchMode.PARTIAL);
        assertThat(empty.status()).isEqualTo(FileStatus.ACTIVE);
        assertThat(empty.limit()).isEqualTo(100);
        assertThat(empty.offset()).isZero();
        assertThat(empty.sortBy()).isEqualTo(SortField.UPLOADED_AT);
        assertThat(empty.sortOrder()).isEqualTo(SortOrder.DESC);
        assertThat(new SearchRequest("  ", null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null).queryText()).isNull();
    }
}
