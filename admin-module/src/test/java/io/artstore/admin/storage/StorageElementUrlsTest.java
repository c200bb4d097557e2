package io.artstore.admin.storage;

import io.artstore.kernel.error.ApiException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StorageElementUrlsTest {

    @Test
    void normalizesHttpAndHttpsBaseUrls() {
        assertThat(StorageElementUrls.normalize(" https://SE-01.Example.org:8010/ ")).isEqualTo("https://se-01.example.org:8010");
        assertThat(StorageElementUrls.normalize("http://127.0.0.1:8010/se//")).isEqualTo("http://127.0.0.1:8010/se");
        assertThat(StorageElementUrls.normalize("HTTPS://host")).isEqualTo("https://host");
    }

    @Test
    void refusesWhatIsNotAnSeBaseUrl() {
        for (String bad : new String[] {"", "host:8010", "ftp://host", "https://", "https://u:p@host", "https://host/?a=1",
                "https://host/#x", "https://ho st"}) {
            assertThatThrownBy(() -> StorageElementUrls.normalize(bad)).as(bad).isInstanceOf(ApiException.class);
        }
    }
}
