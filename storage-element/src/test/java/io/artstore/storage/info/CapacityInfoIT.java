package io.artstore.storage.info;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;

import io.artstore.storage.attr.StorageLayout;
import io.artstore.storage.support.SeTest;
import io.artstore.storage.support.StorageElementTest;
import io.artstore.testsupport.http.TestHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code /api/v1/info} reports, next to the SE's own (capped) capacity, the id, size and
 * free space of the file system under its data directory: what admin tools need to count
 * a disk shared by several SEs once.
 */
@StorageElementTest(properties = {"artstore.storage.storage-id=se-capacity-it", "artstore.storage.max-capacity=3MB"})
class CapacityInfoIT {

    static final long GIB = 1L << 30;

    @LocalServerPort
    int port;

    @Autowired
    StorageLayout layout;

    @Test
    void infoReportsTheFileSystemNextToTheCappedCapacity() throws IOException {
        TestHttp http = SeTest.client(port);
        assertThat(SeTest.upload(http, "one.bin", new byte[1000]).status()).isEqualTo(201);

        JsonNode capacity = TestHttp.to("http://127.0.0.1:" + port).get("/api/v1/info").json().path("capacity");
        FileStore disk = Files.getFileStore(layout.dataDir());
        assertThat(capacity.path("total_bytes").asLong()).isEqualTo(3L * 1024 * 1024);
        assertThat(capacity.path("used_bytes").asLong()).isEqualTo(1000);
        // capped below the disk: the cap, not the disk, bounds what is free for this SE
        assertThat(capacity.path("available_bytes").asLong()).isEqualTo(3L * 1024 * 1024 - 1000);
        assertThat(capacity.path("filesystem_total_bytes").asLong()).isEqualTo(disk.getTotalSpace());
        // other processes write to the same disk meanwhile: equal within a margin
        assertThat(capacity.path("filesystem_available_bytes").asLong())
                .isPositive().isCloseTo(disk.getUsableSpace(), within(GIB));

        assumeTrue(Files.isReadable(FilesystemId.BOOT_ID), "file-system id: Linux only");
        // another SE's data directory on the same file system reports the same id
        Path neighbour = Files.createDirectories(layout.dataDir().resolveSibling(layout.dataDir().getFileName() + "-neighbour"));
        assertThat(capacity.path("filesystem_id").asString()).matches("[0-9a-f]{32}")
                .isEqualTo(FilesystemId.of(neighbour).orElseThrow());

        String metrics = TestHttp.to("http://127.0.0.1:" + port).get("/metrics").body();
        assertThat(metrics).contains("se_filesystem_total_bytes", "se_filesystem_available_bytes");
    }
}
