package io.artstore.ui.web;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FormatsTest {

    private final Formats fmt = new Formats();

    @Test
    void formatsBytesPercentAndTime() {
        assertThat(fmt.bytes(512L)).isEqualTo("512 B");
        assertThat(fmt.bytes(1536L)).isEqualTo("1.5 KiB");
        assertThat(fmt.bytes(10L * 1024 * 1024 * 1024)).isEqualTo("10.0 GiB");
        assertThat(fmt.bytes(null)).isEqualTo("—");
        assertThat(fmt.percent(50L, 200L)).isEqualTo(25);
        assertThat(fmt.percent(5L, 0L)).isZero();
        assertThat(fmt.percent(300L, 200L)).isEqualTo(100);
        assertThat(fmt.time(Instant.parse("2026-02-21T15:30:00Z"))).isEqualTo("2026-02-21 15:30:00 UTC");
        assertThat(fmt.time(null)).isEqualTo("—");
    }
}
