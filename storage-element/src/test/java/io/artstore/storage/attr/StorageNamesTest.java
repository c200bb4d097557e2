package io.artstore.storage.attr;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StorageNamesTest {

    static final Instant AT = Instant.parse("2026-02-21T15:30:00Z");
    static final UUID ID = UUID.fromString("550e8400-e29b-41d4-a716-446655440000");

    @Test
    void followsThePattern() {
        assertThat(StorageNames.build("photo.jpg", "sa_ingester_abc", AT, ID))
                .isEqualTo("photo_sa_ingester_abc_20260221T153000Z_550e8400-e29b-41d4-a716-446655440000.jpg");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "../../x|x_u_20260221T153000Z_" + "550e8400-e29b-41d4-a716-446655440000",
            "a/b|b_u_20260221T153000Z_550e8400-e29b-41d4-a716-446655440000",
            "con|_con_u_20260221T153000Z_550e8400-e29b-41d4-a716-446655440000",
            "CON.txt|_CON_u_20260221T153000Z_550e8400-e29b-41d4-a716-446655440000.txt",
            "..|file_u_20260221T153000Z_550e8400-e29b-41d4-a716-446655440000",
            ".hidden|hidden_u_20260221T153000Z_550e8400-e29b-41d4-a716-446655440000",
            "my report (final).PDF|my_report_final_u_20260221T153000Z_550e8400-e29b-41d4-a716-446655440000.pdf",
            "отчёт.docx|отчёт_u_20260221T153000Z_550e8400-e29b-41d4-a716-446655440000.docx",
            "archive.tar.gz|archive_tar_u_20260221T153000Z_550e8400-e29b-41d4-a716-446655440000.gz",
            "weird.ext with space|weird_ext_with_space_u_20260221T153000Z_550e8400-e29b-41d4-a716-446655440000"})
    void sanitises(String original, String expected) {
        assertThat(StorageNames.build(original, "u", AT, ID)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\nb\r\n.txt", "quote\"d'.txt", "nul\u0000byte", "tab\t.txt", "back\\slash", "семь/../восемь",
            "🙂🙂🙂.png", "\u202Eevil.exe"})
    void neverProducesUnsafeCharacters(String original) {
        String name = StorageNames.build(original, "user/../x", AT, ID);
        assertThat(name).doesNotContain("/", "\\", "\n", "\r", "\"", "'", "\t", "\u0000", "..", "\u202E")
                .doesNotStartWith(".").doesNotStartWith("-");
        assertThat(name).contains("_user_x_20260221T153000Z_" + ID);
    }

    @Test
    void boundsLongNamesInBytes() {
        String name = StorageNames.build("я".repeat(300) + ".txt", "u".repeat(200), AT, ID);
        assertThat((name + StorageLayout.ATTR_SUFFIX).getBytes(StandardCharsets.UTF_8).length).isLessThan(255);
        assertThat(name).endsWith(ID + ".txt");
        String ascii = StorageNames.build("n".repeat(300), "u", AT, ID);
        assertThat(ascii.getBytes(StandardCharsets.UTF_8).length).isLessThan(200);
    }

    @Test
    void dropsSuspiciousExtensions() {
        assertThat(StorageNames.build("x.thisextensionistoolong", "u", AT, ID)).endsWith(ID.toString());
        assertThat(StorageNames.build("x.ph p", "u", AT, ID)).endsWith(ID.toString());
        assertThat(StorageNames.build("noext.", "u", AT, ID)).startsWith("noext_u_").endsWith(ID.toString());
    }
}
