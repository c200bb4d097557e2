package io.artstore.query.search;

import java.util.List;

import io.artstore.query.support.SampleCatalog;
import io.artstore.testsupport.tokens.TestTokenIssuer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Characters that mean something to LIKE or SQL are matched literally, in every field and mode. */
class SearchInjectionIT extends SeededSearchTest {

    private static final List<String> ATTACKS = List.of("%", "_", "'", "\\", ";--", "' OR '1'='1",
            "'; DROP TABLE files; --", "%' OR 1=1 --", "\\'; SELECT pg_sleep(0); --", "$$", "::text", "*/ /*");

    SearchInjectionIT(@LocalServerPort int port, TestTokenIssuer testTokenIssuer, JdbcTemplate jdbc) {
        super(port, testTokenIssuer, jdbc);
    }

    @ParameterizedTest
    @ValueSource(strings = {"%", "_", "'", "\\", ";--", "r_s", "0%_", "'; DROP TABLE files;--"})
    void partialQueryTreatsSpecialCharactersLiterally(String text) {
        List<String> expected = catalog.files().stream()
                .filter(f -> f.status().equals("active") && f.originalFilename().contains(text))
                .map(f -> f.originalFilename()).toList();
        assertThat(names(all("query", text))).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(names(all("filename", text))).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void wildcardsDoNotWidenTheMatch() {
        assertThat(names(all("query", "%"))).containsExactlyInAnyOrder("100%_done.txt", "50% off'; DROP TABLE files;--.txt");
        assertThat(names(all("query", "r_s"))).containsExactly("under_score.txt");
        assertThat(names(all("query", "'"))).containsExactlyInAnyOrder("O'Brien's notes.txt",
                "50% off'; DROP TABLE files;--.txt");
        assertThat(names(all("query", "\\"))).containsExactly("back\\slash.txt");
        assertThat(names(all("query", ";--"))).containsExactlyInAnyOrder("drop;--table.txt",
                "50% off'; DROP TABLE files;--.txt");
        assertThat(all("mode", "exact", "query", "%")).isEmpty();
        assertThat(all("mode", "exact", "query", "_nder_score.txt")).isEmpty();
        assertThat(names(all("mode", "exact", "query", "O'BRIEN'S NOTES.TXT"))).containsExactly("O'Brien's notes.txt");
        assertThat(all("file_extension", "%")).isEmpty();
        assertThat(all("file_extension", "_xt")).isEmpty();
    }

    @Test
    void nulCharactersAreRejectedNotSentToTheDatabase() {
        for (String field : List.of("query", "filename", "uploaded_by")) {
            var response = search(field, "a\u0000b");
            assertThat(response.status()).as(field).isEqualTo(400);
            assertThat(response.errorCode()).isEqualTo("VALIDATION_ERROR");
        }
        assertThat(search("tags", List.of("x\u0000")).status()).isEqualTo(400);
    }

    @Test
    void attacksInEveryFieldAndModeAreJustText() {
        for (String attack : ATTACKS) {
            for (String mode : List.of("exact", "partial", "fulltext")) {
                assertThat(search("mode", mode, "query", attack).status()).as(mode + " " + attack).isEqualTo(200);
            }
            assertThat(all("uploaded_by", attack)).as(attack).isEmpty();
            assertThat(all("tags", List.of(attack))).as(attack).isEmpty();
            assertThat(search("file_extension", attack.length() > 10 ? attack.substring(0, 10) : attack).status())
                    .isEqualTo(200);
            assertThat(search("filename", attack).status()).isEqualTo(200);
        }
        assertThat(registry.count()).isEqualTo(catalog.files().size());
        assertThat(names(all("tags", List.of("tricky")))).containsExactlyInAnyOrderElementsOf(SampleCatalog.TRICKY_NAMES);
    }
}
