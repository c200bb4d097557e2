package io.artstore.query.search;

import java.sql.Array;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import io.artstore.query.support.QueryServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code file_extension} filter through the indexed extension array (migration V5) finds
 * exactly the names the plain {@code ILIKE '%.ext'} finds, for every extension query-module sends
 * to the array: checked by PostgreSQL itself over generated names and extensions, including dots
 * in a row, a trailing dot, hidden-file names, mixed case, Cyrillic, long names and long endings.
 */
@QueryServiceTest(properties = "artstore.test.suite=smoke")
class FileExtensionsIT {

    private static final String ALPHABET = "aB.Дж_%İ";

    private final JdbcTemplate jdbc;

    FileExtensionsIT(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Test
    void theArrayMatchesTheSameNamesAsTheNameEnding() {
        Random random = new Random(20261128);
        Set<String> names = new LinkedHashSet<>(List.of("", ".", "..", "a.", ".pdf", "x.PDF", "report.pdf",
                "Archive.TAR.GZ", "a..b", "a.b.c.d.e", "отчёт.ДОКХ", "x".repeat(200) + ".pdf",
                "name." + "e".repeat(40), "a." + "b".repeat(31) + ".c", "x.İ", "no extension"));
        while (names.size() < 400) {
            names.add(word(random, 1 + random.nextInt(40)));
        }
        Set<String> extensions = new LinkedHashSet<>(List.of("", "pdf", "PDF", "tar.gz", "archive.tar.gz", "b",
                ".b", "c.d.e", "докх", "İ", "i̇", "e".repeat(10)));
        while (extensions.size() < 120) {
            extensions.add(word(random, 1 + random.nextInt(10)));
        }
        List<String> indexed = extensions.stream().filter(SearchStatement::indexedExtension).toList();
        assertThat(indexed).hasSizeGreaterThan(100);
        List<String> patterns = indexed.stream().map(e -> "%." + SearchStatement.escapeLike(e)).toList();

        List<String> mismatches = jdbc.execute((ConnectionCallback<List<String>>) connection -> {
            Array nameArray = connection.createArrayOf("text", names.toArray());
            Array extensionArray = connection.createArrayOf("text", indexed.toArray());
            Array patternArray = connection.createArrayOf("text", patterns.toArray());
            try (var statement = connection.prepareStatement("""
                    SELECT n, e, n ILIKE p AS by_pattern
                    FROM unnest(?) n, unnest(?, ?) AS x(e, p)
                    WHERE (query_file_extensions(n) @> ARRAY[lower(e)]) IS DISTINCT FROM (n ILIKE p)""")) {
                statement.setArray(1, nameArray);
                statement.setArray(2, extensionArray);
                statement.setArray(3, patternArray);
                List<String> rows = new ArrayList<>();
                try (var result = statement.executeQuery()) {
                    while (result.next()) {
                        rows.add(result.getString(1) + " / " + result.getString(2) + " / ILIKE " + result.getBoolean(3));
                    }
                }
                return rows;
            }
        });
        assertThat(mismatches).isEmpty();
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM unnest(?::text[]) n, unnest(?::text[]) e WHERE query_file_extensions(n) @> ARRAY[lower(e)]""",
                Long.class, names.toArray(String[]::new), indexed.toArray(String[]::new)))
                .as("the generated names do end with some of the extensions").isGreaterThan(50);
    }

    @Test
    void theArrayHoldsTheEndingsAfterTheLastThreeDots() {
        assertThat(extensions("Annual.Report.TAR.GZ")).containsExactly("gz", "tar.gz", "report.tar.gz");
        assertThat(extensions("a.b.c.d.e")).containsExactly("e", "d.e", "c.d.e");
        assertThat(extensions("no extension")).isEmpty();
        assertThat(extensions("trailing.")).containsExactly("");
        assertThat(extensions("x".repeat(5000) + ".pdf")).as("bounded by the name's end").containsExactly("pdf");
        assertThat(extensions("name." + "e".repeat(40))).as("endings longer than 32 characters are left out")
                .isEmpty();
    }

    private List<String> extensions(String name) {
        return jdbc.queryForList("SELECT unnest(query_file_extensions(?))", String.class, name);
    }

    private static String word(Random random, int length) {
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < length; i++) {
            word.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return word.toString();
    }
}
