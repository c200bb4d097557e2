package io.artstore.kernel.contract;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.artstore.kernel.error.ApiException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UploadFormTest {

    private static Map<String, String> fields(String... pairs) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            fields.put(pairs[i], pairs[i + 1]);
        }
        return fields;
    }

    private static UploadForm read(RetentionPolicy defaultPolicy, String... pairs) {
        return UploadForm.read(fields(pairs), defaultPolicy, 30, Set.of());
    }

    @Test
    void defaultsApply() {
        assertThat(read(RetentionPolicy.TEMPORARY)).isEqualTo(new UploadForm(null, List.of(), RetentionPolicy.TEMPORARY, 30));
        assertThat(read(RetentionPolicy.PERMANENT)).isEqualTo(new UploadForm(null, List.of(), RetentionPolicy.PERMANENT, null));
        assertThat(read(RetentionPolicy.PERMANENT, "ttl_days", "7").retentionPolicy()).isEqualTo(RetentionPolicy.TEMPORARY);
    }

    @Test
    void ttlDaysWithPermanentIsRefusedNotDropped() {
        assertThatThrownBy(() -> read(RetentionPolicy.TEMPORARY, "retention_policy", "permanent", "ttl_days", "5"))
                .isInstanceOf(ApiException.class).hasMessageStartingWith("ttl_days:");
    }

    @Test
    void fieldsAreChecked() {
        assertThat(read(RetentionPolicy.TEMPORARY, "tags", "[\" a \",\"a\",\"b\"]", "description", "d").tags())
                .containsExactly("a", "b");
        assertThatThrownBy(() -> read(RetentionPolicy.TEMPORARY, "tags", "a,b")).hasMessageStartingWith("tags:");
        assertThatThrownBy(() -> read(RetentionPolicy.TEMPORARY, "ttl_days", "366")).hasMessageStartingWith("ttl_days:");
        assertThatThrownBy(() -> read(RetentionPolicy.TEMPORARY, "ttl_days", "x")).hasMessageStartingWith("ttl_days:");
        assertThatThrownBy(() -> read(RetentionPolicy.TEMPORARY, "retention_policy", "forever"))
                .hasMessageStartingWith("retention_policy:");
        assertThatThrownBy(() -> read(RetentionPolicy.TEMPORARY, "colour", "red")).hasMessageContaining("colour");
        assertThat(UploadForm.read(fields("uploaded_by", "x"), RetentionPolicy.TEMPORARY, 30, Set.of("uploaded_by")))
                .isNotNull();
        assertThatThrownBy(() -> read(RetentionPolicy.TEMPORARY, "description", "é".repeat(1001)))
                .hasMessageStartingWith("description:");
        assertThat(read(RetentionPolicy.TEMPORARY, "description", "😀".repeat(1000)).description()).hasSize(2000);
    }
}
