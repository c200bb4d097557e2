package io.artstore.ui.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Locale;

/** Formatting helpers for templates ({@code ${@fmt.bytes(x)}}). */
public class Formats {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};

    public String time(Instant instant) {
        return instant == null ? "—" : TIME.format(instant);
    }

    public String bytes(Long bytes) {
        if (bytes == null) {
            return "—";
        }
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        return unit == 0 ? bytes + " B" : String.format(Locale.ROOT, "%.1f %s", value, UNITS[unit]);
    }

    /** Share of {@code part} in {@code total} in percent, 0..100 (0 when total is unknown). */
    public long percent(Long part, Long total) {
        if (part == null || total == null || total <= 0) {
            return 0;
        }
        return Math.max(0, Math.min(100, Math.round(part * 100.0 / total)));
    }

    public String join(Collection<?> values) {
        return values == null ? "" : String.join(", ", values.stream().map(String::valueOf).toList());
    }
}
