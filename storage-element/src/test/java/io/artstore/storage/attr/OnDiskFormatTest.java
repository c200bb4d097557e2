package io.artstore.storage.attr;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import io.artstore.kernel.contract.FileStatus;
import io.artstore.kernel.contract.RetentionPolicy;
import io.artstore.kernel.contract.StorageMode;
import io.artstore.storage.mode.ModeService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sidecars and {@code mode.json} as storage elements have always written them still load, and are
 * written back byte for byte: the contract words are the shared kernel's now, their lower-case
 * values on disk are not to change.
 */
class OnDiskFormatTest {

    static final String SIDECAR = """
            {
              "file_id" : "0b6f4c1e-9a51-4f43-8d0e-3f3b1f6a2c7d",
              "original_filename" : "report.pdf",
              "content_type" : "application/pdf",
              "size" : 1234,
              "checksum" : "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
              "uploaded_by" : "alice",
              "uploaded_at" : "2026-01-02T03:04:05.678Z",
              "description" : "Quarterly report",
              "tags" : [ "finance", "q4" ],
              "status" : "expired",
              "retention_policy" : "temporary",
              "ttl_days" : 30,
              "expires_at" : "2026-02-01T03:04:05.678Z",
              "storage_filename" : "report_alice_20260102T030405Z_0b6f4c1e.pdf"
            }""";

    @TempDir
    Path dir;

    @Test
    void aSidecarLoadsAndIsWrittenBackUnchanged() throws IOException {
        StorageLayout layout = new StorageLayout(dir.resolve("data"), dir.resolve("wal"));
        AttrStore store = new AttrStore(layout);
        Path file = layout.attrFile("report_alice_20260102T030405Z_0b6f4c1e.pdf");
        Files.writeString(file, SIDECAR);

        FileAttributes attributes = store.read(file);

        assertThat(attributes.status()).isEqualTo(FileStatus.EXPIRED);
        assertThat(attributes.retentionPolicy()).isEqualTo(RetentionPolicy.TEMPORARY);
        assertThat(new String(store.toBytes(attributes), StandardCharsets.UTF_8)).isEqualTo(SIDECAR);
        String permanent = new String(store.toBytes(attributes.withStatus(FileStatus.DELETED)), StandardCharsets.UTF_8)
                .replace("\"temporary\"", "\"permanent\"");
        Files.writeString(file, permanent);
        assertThat(store.read(file).retentionPolicy()).isEqualTo(RetentionPolicy.PERMANENT);
        assertThat(store.read(file).status()).isEqualTo(FileStatus.DELETED);
        assertThat(permanent).contains("\"status\" : \"deleted\"");
    }

    @Test
    void modeJsonLoadsAndIsWrittenInTheSameForm() throws IOException {
        StorageLayout layout = new StorageLayout(dir.resolve("data"), dir.resolve("wal"));
        Files.writeString(layout.modeFile(), """
                {
                  "mode" : "ro",
                  "changed_at" : "2026-01-02T03:04:05.678Z"
                }""");
        Clock clock = Clock.fixed(Instant.parse("2026-03-04T05:06:07.890Z"), ZoneOffset.UTC);

        ModeService modes = new ModeService(layout, StorageMode.EDIT, clock);
        assertThat(modes.current()).isEqualTo(StorageMode.RO);
        modes.transition(StorageMode.AR, false);

        assertThat(Files.readString(layout.modeFile())).isEqualTo("""
                {
                  "mode" : "ar",
                  "changed_at" : "2026-03-04T05:06:07.890Z"
                }""");
    }
}
