package io.artstore.query.search;

import java.util.Comparator;
import java.util.List;

import io.artstore.testsupport.tokens.TestTokenIssuer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code mode=fulltext}: English and Russian word forms over name, description and tags, ranked 0..1. */
class FulltextSearchIT extends SeededSearchTest {

    FulltextSearchIT(@LocalServerPort int port, TestTokenIssuer testTokenIssuer, JdbcTemplate jdbc) {
        super(port, testTokenIssuer, jdbc);
    }

    private List<JsonNode> fulltext(String query, Object... more) {
        Object[] pairs = new Object[more.length + 4];
        pairs[0] = "mode";
        pairs[1] = "fulltext";
        pairs[2] = "query";
        pairs[3] = query;
        System.arraycopy(more, 0, pairs, 4, more.length);
        return all(pairs);
    }

    @Test
    void englishWordFormsMatch() {
        assertThat(names(fulltext("reports"))).containsExactlyInAnyOrder("expense_report.pdf", "notes.txt");
        assertThat(names(fulltext("report"))).containsExactlyInAnyOrder("expense_report.pdf", "notes.txt");
        assertThat(names(fulltext("bridge")))
                .containsExactlyInAnyOrder("Bridges_inspection.pdf", "scan_0001.pdf", "img_0042.png");
    }

    @Test
    void russianWordFormsMatch() {
        assertThat(names(fulltext("документы")))
                .containsExactlyInAnyOrder("Документ_о_приёмке.pdf", "акт_сверки.pdf");
        assertThat(names(fulltext("мост")))
                .containsExactlyInAnyOrder("Мосты_обследование.docx", "протокол_17.docx");
        assertThat(names(fulltext("обследования")))
                .containsExactlyInAnyOrder("Мосты_обследование.docx", "протокол_17.docx");
    }

    @Test
    void matchesDescriptionsAndTagsOfTheGeneratedCatalog() {
        assertThat(ids(fulltext("presentations")))
                .containsExactlyInAnyOrderElementsOf(expectedActive(f ->
                        f.originalFilename().startsWith("presentation")
                                || (f.description() != null && f.description().contains("presentation"))));
        assertThat(ids(fulltext("архивы")))
                .containsExactlyInAnyOrderElementsOf(expectedActive(f -> f.tags().contains("архив")
                        || (f.description() != null && f.description().startsWith("Архив"))));
    }

    @Test
    void relevanceIsBetweenZeroAndOneAndRanksNamesAboveTagsAboveDescriptions() {
        List<JsonNode> hits = fulltext("bridges", "sort_by", "relevance");
        assertThat(names(hits)).containsExactly("Bridges_inspection.pdf", "img_0042.png", "scan_0001.pdf");
        List<Double> scores = hits.stream().map(h -> h.path("relevance_score").asDouble()).toList();
        assertThat(scores).allMatch(score -> score > 0 && score <= 1).isSortedAccordingTo(Comparator.reverseOrder());

        List<JsonNode> ascending = fulltext("bridges", "sort_by", "relevance", "sort_order", "asc");
        assertThat(names(ascending)).containsExactly("scan_0001.pdf", "img_0042.png", "Bridges_inspection.pdf");
    }

    @Test
    void relevanceRankingOverManyHits() {
        List<JsonNode> hits = fulltext("contract", "sort_by", "relevance", "limit", 1000);
        assertThat(hits).hasSizeGreaterThan(50);
        List<Double> scores = hits.stream().map(h -> h.path("relevance_score").asDouble()).toList();
        assertThat(scores).allMatch(score -> score > 0 && score < 1).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(hits.getFirst().path("original_filename").asString()).startsWith("contract_");
    }

    @Test
    void combinesWithFiltersAndOtherSortOrders() {
        assertThat(names(fulltext("bridges", "file_extension", "pdf")))
                .containsExactlyInAnyOrder("Bridges_inspection.pdf", "scan_0001.pdf");
        assertThat(names(fulltext("bridges", "sort_by", "original_filename", "sort_order", "asc")))
                .containsExactly("Bridges_inspection.pdf", "img_0042.png", "scan_0001.pdf");
        assertThat(ids(fulltext("contract", "status", "deleted", "uploaded_by", "sa_scanner")))
                .containsExactlyInAnyOrderElementsOf(expected(f -> f.status().equals("deleted")
                        && f.uploadedBy().equals("sa_scanner")
                        && (f.originalFilename().startsWith("contract")
                        || (f.description() != null && f.description().contains("contract")))));
    }

    @Test
    void stopWordsAndPunctuationAloneFindNothing() {
        assertThat(fulltext("the")).isEmpty();
        assertThat(fulltext("и")).isEmpty();
        assertThat(fulltext("!!! ::: &&&")).isEmpty();
    }

    @Test
    void withoutQueryFulltextListsLikeTheOtherModes() {
        List<JsonNode> hits = items(search("mode", "fulltext", "tags", List.of("sortcheck"), "sort_by", "relevance"));
        assertThat(names(hits)).containsExactly("charlie.txt", "Bravo.txt", "alpha.txt");
        assertThat(hits).allMatch(h -> h.path("relevance_score").isNull());
    }
}
