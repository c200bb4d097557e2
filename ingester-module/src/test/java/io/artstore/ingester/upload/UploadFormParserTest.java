package io.artstore.ingester.upload;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.artstore.ingester.upload.UploadForm.RetentionPolicy;
import io.artstore.kernel.error.ApiException;
import io.artstore.kernel.error.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UploadFormParserTest {

    private final UploadFormParser parser = new UploadFormParser(JsonMapper.builder().build(), 30);

    private static Map<String, String> fields(String... pairs) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private void assertInvalid(Map<String, String> fields, String messagePart) {
        assertThatThrownBy(() -> parser.parse(fields))
                .isInstanceOfSatisfying(ApiException.class, ex -> {
                    assertThat(ex.code()).isEqualTo(ErrorCode.VALIDATION_ERROR);
                    assertThat(ex.getMessage()).contains(messagePart);
                });
    }

    @Test
    void defaultsToTemporaryWithTheConfiguredTtl() {
        UploadForm form = parser.parse(fields());
        assertThat(form.retentionPolicy()).isEqualTo(RetentionPolicy.TEMPORARY);
        assertThat(form.retentionPolicy().seMode()).isEqualTo("edit");
        assertThat(form.ttlDays()).isEqualTo(30);
        assertThat(form.tags()).isEmpty();
    }

    @Test
    void permanentHasNoTtlAndGoesToRw() {
        UploadForm form = parser.parse(fields("retention_policy", "permanent", "ttl_days", "5"));
        assertThat(form.ttlDays()).isNull();
        assertThat(form.retentionPolicy().seMode()).isEqualTo("rw");
    }

    @Test
    void tagsAreTrimmedAndDeduplicated() {
        UploadForm form = parser.parse(fields("tags", "[\" отчёт \", \"2026\", \"отчёт\"]", "description", "d", "ttl_days", "365"));
        assertThat(form.tags()).isEqualTo(List.of("отчёт", "2026"));
        assertThat(form.ttlDays()).isEqualTo(365);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "366", "-1", "ten", "1.5"})
    void ttlOutsideOneTo365IsRejected(String ttl) {
        assertInvalid(fields("ttl_days", ttl), "ttl_days");
    }

    @ParameterizedTest
    @ValueSource(strings = {"logo", "{\"a\":1}", "[1,2]", "[\"\"]", "[\"a\", null]", "[\"a\""})
    void tagsMustBeAJsonArrayOfStrings(String tags) {
        assertInvalid(fields("tags", tags), "tag");
    }

    @Test
    void descriptionOver1000CharactersIsRejected() {
        assertInvalid(fields("description", "я".repeat(1001)), "description");
        assertThat(parser.parse(fields("description", "я".repeat(1000))).description()).hasSize(1000);
    }

    @Test
    void unknownPolicyAndUnknownFieldsAreRejected() {
        assertInvalid(fields("retention_policy", "forever"), "retention_policy");
        assertInvalid(fields("owner", "root"), "owner");
    }
}
