package io.artstore.storage.info;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class FilesystemIdTest {

    @TempDir
    Path temp;

    @Test
    void directoriesOnOneFileSystemShareTheIdOthersDoNot() throws IOException {
        assumeTrue(Files.isReadable(FilesystemId.BOOT_ID), "Linux only");
        Path a = Files.createDirectories(temp.resolve("se-a/data"));
        Path b = Files.createDirectories(temp.resolve("se-b/data"));
        String id = FilesystemId.of(a).orElseThrow();
        assertThat(id).matches("[0-9a-f]{32}");
        assertThat(FilesystemId.of(b)).contains(id);

        Path shm = Path.of("/dev/shm");
        assumeTrue(Files.isDirectory(shm) && !Files.getFileStore(shm).equals(Files.getFileStore(a)),
                "needs a second file system");
        assertThat(FilesystemId.of(shm).orElseThrow()).isNotEqualTo(id);
    }

    @Test
    void theSameDeviceOnAnotherHostHasAnotherId() throws IOException {
        Path dir = Files.createDirectories(temp.resolve("data"));
        Path hostA = Files.writeString(temp.resolve("boot-a"), "11111111-2222-3333-4444-555555555555\n");
        Path hostB = Files.writeString(temp.resolve("boot-b"), "66666666-7777-8888-9999-000000000000\n");
        assumeTrue(FilesystemId.of(dir, hostA).isPresent(), "needs the unix:dev attribute");
        assertThat(FilesystemId.of(dir, hostA)).isNotEqualTo(FilesystemId.of(dir, hostB));
        assertThat(FilesystemId.of(dir, hostA)).isEqualTo(FilesystemId.of(dir, hostA));
    }

    @Test
    void absentWhereThePlatformCannotTell() {
        assertThat(FilesystemId.of(temp, temp.resolve("no-boot-id"))).isEmpty();
        assertThat(FilesystemId.of(temp.resolve("missing-dir"), FilesystemId.BOOT_ID)).isEmpty();
    }
}
