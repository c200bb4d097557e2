package io.artstore.ui.files;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FilesServiceTest {

    @Test
    void tagsAreSplitTrimmedAndDeduplicated() {
        assertThat(FilesService.parseTags(" finance, 2026 ,,finance, ")).containsExactly("finance", "2026");
        assertThat(FilesService.parseTags("")).isEmpty();
        assertThat(FilesService.parseTags(null)).isEmpty();
    }
}
