package io.artstore.admin.keys;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PrivateKeyCodecTest {

    private final byte[] key = RsaKeys.generate(2048).getPrivate().getEncoded();

    @Test
    void encryptsWithAPassword() {
        PrivateKeyCodec codec = new PrivateKeyCodec("correct horse battery staple");
        String stored = codec.encode(key);
        assertThat(stored).startsWith("aes:");
        assertThat(stored).doesNotContain(java.util.Base64.getEncoder().encodeToString(key).substring(0, 40));
        assertThat(codec.decode(stored)).isEqualTo(key);
        assertThatThrownBy(() -> new PrivateKeyCodec("another password").decode(stored)).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> new PrivateKeyCodec(null).decode(stored))
                .hasMessageContaining("AM_JWT_KEY_ENCRYPTION_PASSWORD");
    }

    @Test
    void storesPlainWithoutAPasswordAndStillReadsItLater() {
        String stored = new PrivateKeyCodec("").encode(key);
        assertThat(stored).startsWith("plain:");
        assertThat(new PrivateKeyCodec(null).decode(stored)).isEqualTo(key);
        assertThat(new PrivateKeyCodec("added later").decode(stored)).isEqualTo(key);
        assertThatThrownBy(() -> new PrivateKeyCodec(null).decode(new String(key, StandardCharsets.ISO_8859_1)))
                .isInstanceOf(IllegalStateException.class);
    }
}
