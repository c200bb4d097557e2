package io.artstore.storage.index;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.artstore.storage.attr.FileAttributes;
import io.artstore.storage.attr.FileStatus;
import io.artstore.storage.attr.RetentionPolicy;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FileIndexTest {

    static FileAttributes file(int second, long size, FileStatus status) {
        UUID id = UUID.randomUUID();
        return new FileAttributes(id, "f" + second, "text/plain", size, "c", "u",
                Instant.parse("2026-01-01T00:00:00Z").plusSeconds(second), null, List.of(), status,
                RetentionPolicy.PERMANENT, null, null, "f_" + id);
    }

    @Test
    void pagesInUploadOrderAndCountsBytesAndStatuses() {
        FileIndex index = new FileIndex();
        FileAttributes a = file(3, 10, FileStatus.ACTIVE);
        FileAttributes b = file(1, 20, FileStatus.DELETED);
        FileAttributes c = file(2, 30, FileStatus.ACTIVE);
        index.replaceAll(List.of(a, b, c));
        assertThat(index.page(null, 0, 10).items()).containsExactly(b, c, a);
        assertThat(index.page(null, 1, 1).items()).containsExactly(c);
        assertThat(index.page(FileStatus.ACTIVE, 0, 10).items()).containsExactly(c, a);
        assertThat(index.page(FileStatus.ACTIVE, 0, 10).total()).isEqualTo(2);
        assertThat(index.page(null, 5, 10).items()).isEmpty();
        assertThat(index.usedBytes()).isEqualTo(60);

        index.put(a.withStatus(FileStatus.EXPIRED));
        assertThat(index.count(FileStatus.ACTIVE)).isEqualTo(1);
        assertThat(index.count(FileStatus.EXPIRED)).isEqualTo(1);
        assertThat(index.usedBytes()).isEqualTo(60);
        index.remove(b.fileId());
        assertThat(index.usedBytes()).isEqualTo(40);
        assertThat(index.size()).isEqualTo(2);
        assertThat(index.get(b.fileId())).isEmpty();
    }
}
