package io.artstore.admin.sync;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import io.artstore.kernel.client.storage.SeFileMetadata;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The COPY text {@link StagingCopy} sends, character by character. */
class StagingCopyTest {

    private static final UUID ID = UUID.fromString("0b7e3f2a-1c4d-4e5f-8a9b-0c1d2e3f4a5b");
    private static final Instant AT = Instant.parse("2025-03-04T05:06:07.123456Z");

    @Test
    void escapesBackslashTabNewlineAndCarriageReturn() {
        SeFileMetadata file = new SeFileMetadata(ID, "a\tb\nc\\d\re \"q\" 'x' ü.txt", "text/plain", 12, "ab12",
                "alice", AT, "line 1\nline 2\\N", List.of("x"), "active", "permanent", null, null, null, null, null);
        assertThat(StagingCopy.encode(List.of(file))).isEqualTo(String.join("\t",
                ID.toString(), "a\\tb\\nc\\\\d\\re \"q\" 'x' ü.txt", "text/plain", "12", "ab12", "alice",
                "2025-03-04 05:06:07.123456+00", "line 1\\nline 2\\\\N", "{\"x\"}", "active", "permanent", "\\N",
                "\\N", "\\N", "\\N", "\\N") + "\n");
    }

    @Test
    void tagsAreAQuotedArrayLiteralThenCopyEscaped() {
        SeFileMetadata file = file(Arrays.asList("a,b", "{c}", "say \"hi\"", "back\\slash", "NULL", "", "tab\there",
                null, "日本"));
        String tags = StagingCopy.encode(List.of(file)).split("\t", -1)[8];
        assertThat(tags).isEqualTo("{\"a,b\",\"{c}\",\"say \\\\\"hi\\\\\"\",\"back\\\\\\\\slash\",\"NULL\",\"\","
                + "\"tab\\there\",NULL,\"日本\"}");
        assertThat(StagingCopy.encode(List.of(file(List.of()))).split("\t", -1)[8]).isEqualTo("{}");
        assertThat(StagingCopy.encode(List.of(file(null))).split("\t", -1)[8]).isEqualTo("{}");
    }

    @Test
    void missingFieldsGetTheRegistryDefaultsAndNullsAreBackslashN() {
        SeFileMetadata file = new SeFileMetadata(null, null, null, -5, null, null, null, null, null, null, null, 7,
                Instant.parse("2026-01-01T00:00:00Z"), null, null, null);
        assertThat(StagingCopy.encode(List.of(file))).isEqualTo(String.join("\t",
                "\\N", "", "application/octet-stream", "0", "", "unknown", "\\N", "\\N", "{}", "\\N", "\\N", "7",
                "2026-01-01 00:00:00.000000+00", "\\N", "\\N", "\\N") + "\n");
    }

    @Test
    void timestampsAreRoundedHalfUpToMicrosecondsLikeTheJdbcDriver() {
        assertThat(timestamp(Instant.parse("2025-01-01T00:00:00.000000499Z"))).isEqualTo("2025-01-01 00:00:00.000000+00");
        assertThat(timestamp(Instant.parse("2025-01-01T00:00:00.000000500Z"))).isEqualTo("2025-01-01 00:00:00.000001+00");
        assertThat(timestamp(Instant.parse("2025-12-31T23:59:59.999999900Z"))).isEqualTo("2026-01-01 00:00:00.000000+00");
        assertThat(timestamp(Instant.parse("+12345-06-07T08:09:10Z"))).isEqualTo("12345-06-07 08:09:10.000000+00");
        assertThat(timestamp(Instant.parse("-0001-06-07T08:09:10Z"))).isEqualTo("0002-06-07 08:09:10.000000+00 BC");
    }

    @Test
    void oneLinePerFile() {
        assertThat(StagingCopy.encode(List.of(file(List.of("a")), file(List.of("b")))).split("\n", -1)).hasSize(3);
        assertThat(StagingCopy.encode(List.of())).isEmpty();
    }

    private static String timestamp(Instant uploadedAt) {
        SeFileMetadata file = new SeFileMetadata(ID, "f", "text/plain", 1, "c", "u", uploadedAt, null, List.of(),
                "active", "permanent", null, null, null, null, null);
        return StagingCopy.encode(List.of(file)).split("\t", -1)[6];
    }

    private static SeFileMetadata file(List<String> tags) {
        return new SeFileMetadata(ID, "f", "text/plain", 1, "c", "u", AT, null, tags, "active", "permanent", null, null, null, null, null);
    }
}
