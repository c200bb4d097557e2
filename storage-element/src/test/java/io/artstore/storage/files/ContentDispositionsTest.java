package io.artstore.storage.files;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ContentDispositionsTest {

    @Test
    void plainAsciiName() {
        assertThat(ContentDispositions.attachment("photo.jpg")).isEqualTo("attachment; filename=\"photo.jpg\"; filename*=UTF-8''photo.jpg");
    }

    @Test
    void nonAsciiNameHasFallbackAndEncodedForm() {
        assertThat(ContentDispositions.attachment("отчёт 1.pdf"))
                .isEqualTo("attachment; filename=\"_____ 1.pdf\"; filename*=UTF-8''%D0%BE%D1%82%D1%87%D1%91%D1%82%201.pdf");
    }

    @Test
    void injectionAttemptsAreNeutralised() {
        String header = ContentDispositions.attachment("a\"; filename=evil.exe\r\nSet-Cookie: x=1");
        assertThat(header).doesNotContain("\r", "\n");
        assertThat(header).startsWith("attachment; filename=\"a__ filename=evil.exe__Set-Cookie: x=1\"; filename*=UTF-8''a%22%3B%20filename%3Devil.exe%0D%0ASet-Cookie%3A%20x%3D1");
        assertThat(ContentDispositions.attachment("../../etc/passwd")).startsWith("attachment; filename=\".._.._etc_passwd\"");
        assertThat(ContentDispositions.attachment("")).startsWith("attachment; filename=\"download\"");
    }
}
