package io.artstore.storage.index;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.artstore.kernel.contract.FileStatus;
import io.artstore.kernel.contract.RetentionPolicy;
import io.artstore.storage.attr.FileAttributes;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FileIndexTest {

    static FileAttributes file(int second, long size, FileStatus status) {
        UUID id = UUID.randomUUID();
        return new FileAttributes(id, "f" + second, "text/plain", size, "c", "u",
                Instant.parse("2026-01-01T00:00:00Z").plusSeconds(second), null, List.of(), status,
                RetentionPolicy.PERMANENT, null, null, "f_" + id, null, null, null);
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

    @Test
    void pagesFarIntoTheListingMatchAWalkAndFollowMutations() {
        FileIndex index = new FileIndex();
        List<FileAttributes> files = new java.util.ArrayList<>();
        for (int i = 0; i < FileIndex.WALK_LIMIT * 2; i++) {
            files.add(file(i, 1, i % 3 == 0 ? FileStatus.DELETED : FileStatus.ACTIVE));
        }
        index.replaceAll(files);
        List<FileAttributes> active = files.stream().filter(f -> f.status() == FileStatus.ACTIVE).toList();

        int far = FileIndex.WALK_LIMIT + 7;
        assertThat(index.page(null, far, 5).items()).containsExactlyElementsOf(files.subList(far, far + 5));
        assertThat(index.page(null, far, 5).total()).isEqualTo(files.size());
        assertThat(index.page(FileStatus.ACTIVE, far, 3).items()).containsExactlyElementsOf(active.subList(far, far + 3));
        assertThat(index.page(null, files.size() - 2, 10).items()).containsExactlyElementsOf(files.subList(files.size() - 2, files.size()));
        assertThat(index.page(null, files.size() + 5, 10).items()).isEmpty();

        // a mutation is visible to the next far page (no stale snapshot)
        index.remove(files.get(far).fileId());
        assertThat(index.page(null, far, 1).items()).containsExactly(files.get(far + 1));
        FileAttributes latest = file(1_000_000, 1, FileStatus.ACTIVE);
        index.put(latest);
        assertThat(index.page(null, files.size() - 1, 10).items()).containsExactly(latest);
        index.put(files.get(far + 1).withStatus(FileStatus.EXPIRED));
        assertThat(index.page(null, far, 1).items().getFirst().status()).isEqualTo(FileStatus.EXPIRED);
        assertThat(index.page(FileStatus.ACTIVE, far, 1).items()).doesNotContain(files.get(far + 1));
    }
}
