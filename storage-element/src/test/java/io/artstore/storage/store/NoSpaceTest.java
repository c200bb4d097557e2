package io.artstore.storage.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** ENOSPC reaches Java in several shapes; each must be recognised so a full disk answers 507, not 400/500. */
class NoSpaceTest {

    @Test
    void recognisesAFullDiskWhateverTheExceptionType() {
        // FileChannel.write on a full disk: a plain IOException
        assertThat(FileStore.noSpace(new IOException("No space left on device"))).isTrue();
        // Files.write / createFile: a FileSystemException naming the file
        assertThat(FileStore.noSpace(new FileSystemException("/data/x.wal.json", null, "No space left on device")))
                .isTrue();
        assertThat(FileStore.noSpace(new UncheckedIOException(new IOException("No space left on device")))).isTrue();
    }

    @Test
    void otherFailuresAreNotAFullDisk() {
        assertThat(FileStore.noSpace(new IOException("Broken pipe"))).isFalse();
        assertThat(FileStore.noSpace(new IOException((String) null))).isFalse();
        assertThat(FileStore.noSpace(new IllegalStateException("No space left on device"))).isFalse();
    }
}
