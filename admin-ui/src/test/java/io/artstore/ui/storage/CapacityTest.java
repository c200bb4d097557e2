package io.artstore.ui.storage;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CapacityTest {

    static final long GIB = 1L << 30;

    /** An SE without a cap: its total is its disk's size, its free space the disk's. */
    static StorageElement se(String fs, long total, long used, long free, Long diskTotal, Long diskFree) {
        return new StorageElement("id-" + fs + used, "SE", "https://se", "se", "rw", "online", total, used, free, fs,
                diskTotal, diskFree, null, null, null, null);
    }

    @Test
    void twoSesOnOneDiskCountItOnce() {
        // the case: two SEs on one 252 GiB disk with 76 GiB free, 324 MiB of files between them
        StorageElement a = se("fs-1", 252 * GIB, 200L << 20, 76 * GIB, 252 * GIB, 76 * GIB);
        StorageElement b = se("fs-1", 252 * GIB, 124L << 20, 76 * GIB, 252 * GIB, 76 * GIB);
        Capacity total = Capacity.of(List.of(a, b));
        assertThat(total).isEqualTo(new Capacity(324L << 20, 76 * GIB, 252 * GIB));
        assertThat(total.freePercent()).isEqualTo(30);
        assertThat(total.filledPercent()).isEqualTo(70);
        assertThat(total.low()).isFalse();
    }

    @Test
    void sesCappedBelowASharedDiskAddUpToAtMostTheDisk() {
        StorageElement a = se("fs-1", 100 * GIB, 60 * GIB, 40 * GIB, 500 * GIB, 300 * GIB);
        StorageElement b = se("fs-1", 100 * GIB, 10 * GIB, 90 * GIB, 500 * GIB, 300 * GIB);
        assertThat(Capacity.of(List.of(a, b))).isEqualTo(new Capacity(70 * GIB, 130 * GIB, 200 * GIB));
        // the disk itself is nearly full: free space is what the disk has, not what the caps allow
        StorageElement c = se("fs-2", 100 * GIB, 10 * GIB, 5 * GIB, 500 * GIB, 5 * GIB);
        StorageElement d = se("fs-2", 100 * GIB, 20 * GIB, 5 * GIB, 500 * GIB, 5 * GIB);
        Capacity full = Capacity.of(List.of(c, d));
        assertThat(full).isEqualTo(new Capacity(30 * GIB, 5 * GIB, 200 * GIB));
        assertThat(full.low()).isTrue();
    }

    @Test
    void differentFilesystemsAreSummed() {
        StorageElement a = se("fs-1", 100 * GIB, 10 * GIB, 90 * GIB, 100 * GIB, 90 * GIB);
        StorageElement b = se("fs-2", 200 * GIB, 50 * GIB, 150 * GIB, 200 * GIB, 150 * GIB);
        assertThat(Capacity.of(List.of(a, b))).isEqualTo(new Capacity(60 * GIB, 240 * GIB, 300 * GIB));
    }

    @Test
    void anSeWithoutAFilesystemIdCountsAlone() {
        StorageElement older = se(null, 100 * GIB, 10 * GIB, 90 * GIB, null, null);
        StorageElement olderToo = se(null, 100 * GIB, 20 * GIB, 80 * GIB, null, null);
        StorageElement shared = se("fs-1", 100 * GIB, 30 * GIB, 70 * GIB, 100 * GIB, 70 * GIB);
        assertThat(Capacity.of(List.of(older, olderToo, shared)))
                .isEqualTo(new Capacity(60 * GIB, 240 * GIB, 300 * GIB));
    }

    @Test
    void anIdWithoutTheDiskNumbersCountsTheLargestSeOnce() {
        StorageElement a = se("fs-1", 100 * GIB, 10 * GIB, 80 * GIB, null, null);
        StorageElement b = se("fs-1", 100 * GIB, 20 * GIB, 70 * GIB, null, null);
        assertThat(Capacity.of(List.of(a, b))).isEqualTo(new Capacity(30 * GIB, 80 * GIB, 100 * GIB));
    }

    @Test
    void perSeNumbersAndTheTenPercentWarning() {
        Capacity nine = se("fs-1", 100 * GIB, 10 * GIB, 9 * GIB, 100 * GIB, 9 * GIB).capacity();
        assertThat(nine).isEqualTo(new Capacity(10 * GIB, 9 * GIB, 100 * GIB));
        assertThat(nine.low()).isTrue();
        assertThat(nine.filledPercent()).isEqualTo(91);
        assertThat(se("fs-1", 100 * GIB, 10 * GIB, 10 * GIB, 100 * GIB, 10 * GIB).capacity().low()).isFalse();
        // nothing known yet: no warning, no division by zero
        Capacity unknown = new StorageElement("x", "SE", "u", "se", "rw", "online", null, null, null, null, null, null,
                null, null, null, null).capacity();
        assertThat(unknown).isEqualTo(new Capacity(0, 0, 0));
        assertThat(unknown.low()).isFalse();
        assertThat(unknown.filledPercent()).isZero();
        assertThat(Capacity.of(List.of())).isEqualTo(new Capacity(0, 0, 0));
    }
}
