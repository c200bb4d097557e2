package io.artstore.ui.storage;

import java.util.List;
import java.util.UUID;

import io.artstore.kernel.client.admin.StorageElementRecord;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CapacityTest {

    static final long GIB = 1L << 30;

    /** An SE without a cap: its total is its disk's size, its free space the disk's. */
    static StorageElementRecord se(String fs, long total, long used, long free, Long diskTotal, Long diskFree) {
        return new StorageElementRecord(UUID.randomUUID(), "SE", "https://se", "se", "rw", "online", total, used, free, fs,
                diskTotal, diskFree, null, null, null, null, null, null, null);
    }

    @Test
    void twoSesOnOneDiskCountItOnce() {
        // the case: two SEs on one 252 GiB disk with 76 GiB free, 324 MiB of files between them
        StorageElementRecord a = se("fs-1", 252 * GIB, 200L << 20, 76 * GIB, 252 * GIB, 76 * GIB);
        StorageElementRecord b = se("fs-1", 252 * GIB, 124L << 20, 76 * GIB, 252 * GIB, 76 * GIB);
        Capacity total = Capacity.of(List.of(a, b));
        assertThat(total).isEqualTo(new Capacity(324L << 20, 76 * GIB, 252 * GIB));
        assertThat(total.freePercent()).isEqualTo(30);
        assertThat(total.filledPercent()).isEqualTo(70);
        assertThat(total.low()).isFalse();
    }

    @Test
    void sesCappedBelowASharedDiskAddUpToAtMostTheDisk() {
        StorageElementRecord a = se("fs-1", 100 * GIB, 60 * GIB, 40 * GIB, 500 * GIB, 300 * GIB);
        StorageElementRecord b = se("fs-1", 100 * GIB, 10 * GIB, 90 * GIB, 500 * GIB, 300 * GIB);
        assertThat(Capacity.of(List.of(a, b))).isEqualTo(new Capacity(70 * GIB, 130 * GIB, 200 * GIB));
        // the disk itself is nearly full: free space is what the disk has, not what the caps allow
        StorageElementRecord c = se("fs-2", 100 * GIB, 10 * GIB, 5 * GIB, 500 * GIB, 5 * GIB);
        StorageElementRecord d = se("fs-2", 100 * GIB, 20 * GIB, 5 * GIB, 500 * GIB, 5 * GIB);
        Capacity full = Capacity.of(List.of(c, d));
        assertThat(full).isEqualTo(new Capacity(30 * GIB, 5 * GIB, 200 * GIB));
        assertThat(full.low()).isTrue();
    }

    @Test
    void differentFilesystemsAreSummed() {
        StorageElementRecord a = se("fs-1", 100 * GIB, 10 * GIB, 90 * GIB, 100 * GIB, 90 * GIB);
        StorageElementRecord b = se("fs-2", 200 * GIB, 50 * GIB, 150 * GIB, 200 * GIB, 150 * GIB);
        assertThat(Capacity.of(List.of(a, b))).isEqualTo(new Capacity(60 * GIB, 240 * GIB, 300 * GIB));
    }

    @Test
    void anSeWithoutAFilesystemIdCountsAlone() {
        StorageElementRecord older = se(null, 100 * GIB, 10 * GIB, 90 * GIB, null, null);
        StorageElementRecord olderToo = se(null, 100 * GIB, 20 * GIB, 80 * GIB, null, null);
        StorageElementRecord shared = se("fs-1", 100 * GIB, 30 * GIB, 70 * GIB, 100 * GIB, 70 * GIB);
        assertThat(Capacity.of(List.of(older, olderToo, shared)))
                .isEqualTo(new Capacity(60 * GIB, 240 * GIB, 300 * GIB));
    }

    @Test
    void anIdWithoutTheDiskNumbersCountsTheLargestSeOnce() {
        StorageElementRecord a = se("fs-1", 100 * GIB, 10 * GIB, 80 * GIB, null, null);
        StorageElementRecord b = se("fs-1", 100 * GIB, 20 * GIB, 70 * GIB, null, null);
        assertThat(Capacity.of(List.of(a, b))).isEqualTo(new Capacity(30 * GIB, 80 * GIB, 100 * GIB));
    }

    @Test
    void perSeNumbersAndTheTenPercentWarning() {
        Capacity nine = Capacity.of(se("fs-1", 100 * GIB, 10 * GIB, 9 * GIB, 100 * GIB, 9 * GIB));
        assertThat(nine).isEqualTo(new Capacity(10 * GIB, 9 * GIB, 100 * GIB));
        assertThat(nine.low()).isTrue();
        assertThat(nine.filledPercent()).isEqualTo(91);
        assertThat(Capacity.of(se("fs-1", 100 * GIB, 10 * GIB, 10 * GIB, 100 * GIB, 10 * GIB)).low()).isFalse();
        // nothing known yet: no warning, no division by zero
        Capacity unknown = Capacity.of(new StorageElementRecord(UUID.randomUUID(), "SE", "u", "se", "rw", "online", 0, 0, null,
                null, null, null, null, null, null, null, null, null, null));
        assertThat(unknown).isEqualTo(new Capacity(0, 0, 0));
        assertThat(unknown.low()).isFalse();
        assertThat(unknown.filledPercent()).isZero();
        assertThat(Capacity.of(List.of())).isEqualTo(new Capacity(0, 0, 0));
    }
}
