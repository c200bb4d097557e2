package io.artstore.query.search;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.zaxxer.hikari.HikariDataSource;
import io.artstore.query.support.RegistryFile;
import io.artstore.testsupport.http.TestHttp;
import io.artstore.testsupport.tokens.TestTokenIssuer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Every filter of {@code POST /api/v1/search} alone and combined, the modes exact and partial, paging and sorting. */
class SearchFiltersIT extends SeededSearchTest {

    private final JdbcTemplate jdbc;

    SearchFiltersIT(@LocalServerPort int port, TestTokenIssuer testTokenIssuer, JdbcTemplate jdbc) {
        super(port, testTokenIssuer, jdbc);
        this.jdbc = jdbc;
    }

    @Test
    void emptyRequestListsActiveFilesNewestFirst() {
        TestHttp.Response response = search();
        JsonNode page = response.json();
        List<UUID> expected = newestFirst(f -> true);
        assertThat(page.path("total").asLong()).isEqualTo(expected.size());
        assertThat(page.path("limit").asInt()).isEqualTo(100);
        assertThat(page.path("offset").asInt()).isZero();
        assertThat(page.path("has_more").asBoolean()).isTrue();
        assertThat(ids(items(response))).containsExactlyElementsOf(expected.subList(0, 100));
    }

    @Test
    void resultItemsCarryThePublicMetadataOnly() {
        RegistryFile file = catalog.files().stream()
                .filter(f -> f.status().equals("active") && f.retentionPolicy().equals("temporary")
                        && f.description() != null && !f.tags().isEmpty())
                .findFirst().orElseThrow();
        JsonNode item = items(search("mode", "exact", "query", file.originalFilename())).getFirst();
        assertThat(item.path("file_id").asString()).isEqualTo(file.fileId().toString());
        assertThat(item.path("original_filename").asString()).isEqualTo(file.originalFilename());
        assertThat(item.path("content_type").asString()).isEqualTo(file.contentType());
        assertThat(item.path("size").asLong()).isEqualTo(file.size());
        assertThat(item.path("checksum").asString()).isEqualTo(file.checksum());
        assertThat(item.path("uploaded_by").asString()).isEqualTo(file.uploadedBy());
        assertThat(Instant.parse(item.path("uploaded_at").asString())).isEqualTo(file.uploadedAt());
        assertThat(item.path("description").asString()).isEqualTo(file.description());
        assertThat(item.path("tags").valueStream().map(JsonNode::asString).toList()).isEqualTo(file.tags());
        assertThat(item.path("status").asString()).isEqualTo("active");
        assertThat(item.path("retention_policy").asString()).isEqualTo("temporary");
        assertThat(item.path("ttl_days").asInt()).isEqualTo(30);
        assertThat(Instant.parse(item.path("expires_at").asString())).isEqualTo(file.expiresAt());
        assertThat(item.has("relevance_score")).isTrue();
        assertThat(item.path("relevance_score").isNull()).isTrue();
        assertThat(item.has("storage_element_id")).isFalse();
        assertThat(item.has("storage_filename")).isFalse();
        assertThat(item.has("storage_element_url")).isFalse();
    }

    @Test
    void exactModeMatchesTheWholeNameIgnoringCase() {
        RegistryFile file = catalog.files().stream()
                .filter(f -> f.status().equals("active") && f.originalFilename().startsWith("invoice_"))
                .findFirst().orElseThrow();
        String upper = file.originalFilename().toUpperCase(Locale.ROOT);
        assertThat(ids(all("mode", "exact", "query", upper))).containsExactly(file.fileId());
        String prefix = file.originalFilename().substring(0, 7);
        assertThat(all("mode", "exact", "query", prefix)).isEmpty();
    }

    @Test
    void partialModeIsTheDefaultAndMatchesSubstringsIgnoringCase() {
        assertThat(ids(all("query", "INVOICE")))
                .containsExactlyInAnyOrderElementsOf(expectedActive(f -> containsIgnoreCase(f.originalFilename(), "invoice")));
        assertThat(ids(all("mode", "partial", "query", "счёт")))
                .containsExactlyInAnyOrderElementsOf(expectedActive(f -> f.originalFilename().contains("счёт")));
        assertThat(ids(all("mode", "partial", "query", "итог_12")))
                .containsExactlyInAnyOrderElementsOf(expectedActive(f -> f.originalFilename().contains("итог_12")));
    }

    @Test
    void statusFilterDefaultsToActiveAndSelectsEachStatus() {
        for (String status : List.of("active", "expired", "deleted")) {
            assertThat(ids(all("status", status)))
                    .as(status).containsExactlyInAnyOrderElementsOf(expected(f -> f.status().equals(status)));
        }
        assertThat(expected(f -> f.status().equals("expired"))).isNotEmpty();
        assertThat(expected(f -> f.status().equals("deleted"))).isNotEmpty();
    }

    @Test
    void filenameFilter() {
        assertThat(ids(all("filename", "Budget")))
                .containsExactlyInAnyOrderElementsOf(expectedActive(f -> containsIgnoreCase(f.originalFilename(), "budget")));
        assertThat(ids(all("filename", "бюджет")))
                .containsExactlyInAnyOrderElementsOf(expectedActive(f -> f.originalFilename().contains("бюджет")));
    }

    @Test
    void fileExtensionFilterIgnoresCaseAndALeadingDot() {
        List<UUID> pdf = expectedActive(f -> f.originalFilename().toLowerCase(Locale.ROOT).endsWith(".pdf"));
        assertThat(pdf).anyMatch(id -> catalog.files().stream().anyMatch(f -> f.fileId().equals(id)
                && f.originalFilename().endsWith(".PDF")));
        assertThat(ids(all("file_extension", "pdf"))).containsExactlyInAnyOrderElementsOf(pdf);
        assertThat(ids(all("file_extension", "PDF"))).containsExactlyInAnyOrderElementsOf(pdf);
        assertThat(ids(all("file_extension", ".pdf"))).containsExactlyInAnyOrderElementsOf(pdf);
        assertThat(all("file_extension", "pd")).isEmpty();
    }

    @Test
    void tagsMustAllMatch() {
        assertThat(ids(all("tags", List.of("finance"))))
                .containsExactlyInAnyOrderElementsOf(expectedActive(f -> f.tags().contains("finance")));
        List<UUID> both = expectedActive(f -> f.tags().containsAll(List.of("finance", "draft")));
        assertThat(both).isNotEmpty();
        assertThat(ids(all("tags", List.of("finance", "draft")))).containsExactlyInAnyOrderElementsOf(both);
        assertThat(ids(all("tags", List.of("архив", "черновик"))))
                .containsExactlyInAnyOrderElementsOf(expectedActive(f -> f.tags().containsAll(List.of("архив", "черновик"))));
        assertThat(all("tags", List.of("finance", "no-such-tag"))).isEmpty();
    }

    @Test
    void uploadedByIsAnExactMatch() {
        assertThat(ids(all("uploaded_by", "sa_scanner")))
                .containsExactlyInAnyOrderElementsOf(expectedActive(f -> f.uploadedBy().equals("sa_scanner")));
        assertThat(all("uploaded_by", "sa_scan")).isEmpty();
    }

    @Test
    void retentionPolicyFilter() {
        for (String policy : List.of("temporary", "permanent")) {
            assertThat(ids(all("retention_policy", policy)))
                    .as(policy).containsExactlyInAnyOrderElementsOf(expectedActive(f -> f.retentionPolicy().equals(policy)));
        }
    }

    @Test
    void sizeRangeIsInclusive() {
        RegistryFile sample = catalog.files().stream().filter(f -> f.status().equals("active")).skip(10).findFirst().orElseThrow();
        long size = sample.size();
        assertThat(ids(all("min_size", size, "max_size", size))).contains(sample.fileId())
                .containsExactlyInAnyOrderElementsOf(expectedActive(f -> f.size() == size));
        assertThat(ids(all("min_size", 40_000_000L)))
                .containsExactlyInAnyOrderElementsOf(expectedActive(f -> f.size() >= 40_000_000L));
        assertThat(ids(all("max_size", 1_000_000L)))
                .containsExactlyInAnyOrderElementsOf(expectedActive(f -> f.size() <= 1_000_000L));
    }

    @Test
    void uploadDateRangeIsInclusive() {
        Instant after = Instant.parse("2025-02-01T00:00:00Z");
        Instant before = Instant.parse("2025-02-10T12:00:00Z");
        assertThat(ids(all("uploaded_after", after.toString(), "uploaded_before", before.toString())))
                .containsExactlyInAnyOrderElementsOf(expectedActive(f -> !f.uploadedAt().isBefore(after)
                        && !f.uploadedAt().isAfter(before)));
        RegistryFile sample = catalog.named("alpha.txt");
        assertThat(ids(all("uploaded_after", sample.uploadedAt().toString(), "uploaded_before",
                sample.uploadedAt().toString()))).containsExactly(sample.fileId());
        assertThat(ids(all("uploaded_after", "2025-03-01T03:00:00+03:00")))
                .containsExactlyInAnyOrderElementsOf(expectedActive(f -> !f.uploadedAt().isBefore(Instant.parse("2025-03-01T00:00:00Z"))));
    }

    @Test
    void everyFilterCombined() {
        Instant after = Instant.parse("2025-01-10T00:00:00Z");
        Instant before = Instant.parse("2025-04-30T00:00:00Z");
        List<UUID> expected = expected(f -> f.status().equals("active")
                && containsIgnoreCase(f.originalFilename(), "_")
                && f.originalFilename().toLowerCase(Locale.ROOT).endsWith(".docx")
                && f.tags().contains("finance")
                && f.retentionPolicy().equals("permanent")
                && f.size() >= 1_000_000L && f.size() <= 45_000_000L
                && !f.uploadedAt().isBefore(after) && !f.uploadedAt().isAfter(before));
        assertThat(expected).isNotEmpty();
        assertThat(ids(all("query", "_", "file_extension", "docx", "tags", List.of("finance"),
                "retention_policy", "permanent", "min_size", 1_000_000L, "max_size", 45_000_000L,
                "uploaded_after", after.toString(), "uploaded_before", before.toString())))
                .containsExactlyInAnyOrderElementsOf(expected);

        String uploader = "sa_partner_ru";
        List<UUID> narrow = expected(f -> f.status().equals("expired") && f.uploadedBy().equals(uploader)
                && f.originalFilename().contains("договор"));
        assertThat(narrow).isNotEmpty();
        assertThat(ids(all("mode", "partial", "query", "договор", "status", "expired", "uploaded_by", uploader)))
                .containsExactlyInAnyOrderElementsOf(narrow);
    }

    @Test
    void pagingGivesConsistentTotalsAndDisjointPages() {
        List<UUID> expected = newestFirst(f -> f.tags().contains("legal"));
        assertThat(expected.size()).isGreaterThan(120);
        List<UUID> collected = new java.util.ArrayList<>();
        for (int offset = 0; offset < expected.size(); offset += 50) {
            JsonNode page = search("tags", List.of("legal"), "limit", 50, "offset", offset).json();
            assertThat(page.path("total").asLong()).isEqualTo(expected.size());
            assertThat(page.path("limit").asInt()).isEqualTo(50);
            assertThat(page.path("offset").asInt()).isEqualTo(offset);
            assertThat(page.path("has_more").asBoolean()).isEqualTo(offset + 50 < expected.size());
            page.path("items").forEach(item -> collected.add(UUID.fromString(item.path("file_id").asString())));
        }
        assertThat(collected).containsExactlyElementsOf(expected);

        JsonNode beyond = search("tags", List.of("legal"), "offset", expected.size() + 10).json();
        assertThat(beyond.path("items").size()).isZero();
        assertThat(beyond.path("total").asLong()).isEqualTo(expected.size());
        assertThat(beyond.path("has_more").asBoolean()).isFalse();

        JsonNode single = search("tags", List.of("legal"), "limit", 1, "offset", 3).json();
        assertThat(single.path("items").get(0).path("file_id").asString()).isEqualTo(expected.get(3).toString());
    }

    @Test
    void sortOrders() {
        List<String> byName = List.of("alpha.txt", "Bravo.txt", "charlie.txt");
        assertThat(names(all("tags", List.of("sortcheck"), "sort_by", "original_filename", "sort_order", "asc")))
                .containsExactlyElementsOf(byName);
        assertThat(names(all("tags", List.of("sortcheck"), "sort_by", "original_filename", "sort_order", "desc")))
                .containsExactlyElementsOf(byName.reversed());
        assertThat(names(all("tags", List.of("sortcheck"), "sort_by", "size", "sort_order", "asc")))
                .containsExactly("Bravo.txt", "charlie.txt", "alpha.txt");
        assertThat(names(all("tags", List.of("sortcheck"), "sort_by", "uploaded_at", "sort_order", "asc")))
                .containsExactly("alpha.txt", "Bravo.txt", "charlie.txt");
        assertThat(names(all("tags", List.of("sortcheck"))))
                .as("default: uploaded_at desc").containsExactly("charlie.txt", "Bravo.txt", "alpha.txt");

        List<JsonNode> bySize = all("tags", List.of("finance"), "sort_by", "size", "sort_order", "desc");
        assertThat(bySize.stream().map(h -> h.path("size").asLong()).toList())
                .isSortedAccordingTo(Comparator.reverseOrder());
        List<JsonNode> oldestFirst = all("tags", List.of("finance"), "sort_by", "uploaded_at", "sort_order", "asc");
        assertThat(oldestFirst.stream().map(h -> Instant.parse(h.path("uploaded_at").asString())).toList()).isSorted();
    }

    @Test
    void relevanceSortOutsideFulltextFallsBackToUploadDate() {
        TestHttp.Response response = search("mode", "partial", "tags", List.of("sortcheck"), "sort_by", "relevance");
        assertThat(names(items(response))).containsExactly("charlie.txt", "Bravo.txt", "alpha.txt");
        assertThat(items(response)).allMatch(item -> item.path("relevance_score").isNull());
    }

    @Test
    void exactNamesMayKeepAPlanAndOtherSearchesArePlannedForTheirValues() {
        // After five runs of one server-side prepared statement on a connection PostgreSQL may
        // switch to a generic plan. For ILIKE / full-text / filter conditions that plan walks the
        // upload-time index and tests row after row; for an exact name it is the index lookup
        // every value gets, and keeping it saves the planning (chosen at 1M rows, docs/benchmarks.md
        // section 16; at this catalog's size PostgreSQL still prefers planning each run).
        assertThat(jdbc.queryForObject("SHOW plan_cache_mode", String.class)).isEqualTo("auto");
        HikariDataSource pool = (HikariDataSource) jdbc.getDataSource();
        SingleConnectionDataSource session = new SingleConnectionDataSource(pool.getJdbcUrl(), pool.getUsername(),
                pool.getPassword(), true);
        try {
            SearchRepository repository = new SearchRepository(JdbcClient.create(session),
                    JdbcClient.create(new ValuePlannedJdbcTemplate(session)), 100_000);
            for (int run = 0; run < 8; run++) {
                assertThat(repository.search(request("Bridges_inspection.pdf", SearchMode.EXACT, List.of())).items())
                        .extracting(SearchResultItem::originalFilename).containsExactly("Bridges_inspection.pdf");
                assertThat(repository.search(request("bridges", SearchMode.PARTIAL, List.of())).total()).isEqualTo(1);
                assertThat(repository.search(request("bridges", SearchMode.FULLTEXT, List.of())).total()).isEqualTo(3);
                assertThat(repository.search(request(null, SearchMode.PARTIAL, List.of("sortcheck"))).total()).isEqualTo(3);
            }
            List<Map<String, Object>> prepared = new JdbcTemplate(session).queryForList(
                    "SELECT statement, generic_plans + custom_plans AS runs FROM pg_prepared_statements"
                            + " WHERE statement LIKE '%FROM files f%'");
            // the driver prepares a statement on the server from its fifth run on
            assertThat(prepared).as("only the exact search is prepared on the server").singleElement().satisfies(row -> {
                assertThat((String) row.get("statement")).contains("lower(f.original_filename) = lower(");
                assertThat((Long) row.get("runs")).isEqualTo(4);
            });
        } finally {
            session.destroy();
        }
    }

    private static SearchRequest request(String query, SearchMode mode, List<String> tags) {
        return new SearchRequest(query, null, null, tags, null, null, null, null, null, null, null, mode, null, null,
                null, null);
    }

    @Test
    void searchConnectionsHaveRoomForExactBitmaps() {
        // with the default 4 MB, combining the bitmaps of several broad conditions over a large
        // registry turns them lossy and every row of the touched pages is checked again
        assertThat(jdbc.queryForObject("SHOW work_mem", String.class)).isEqualTo("16MB");
    }
}
