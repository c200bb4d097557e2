package io.artstore.admin.storage;

import io.artstore.kernel.client.storage.SeStorageInfo;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReportedCapacityTest {

    @Test
    void keepsTheFileSystemFieldsAnSeReports() {
        assertThat(ReportedCapacity.of(new SeStorageInfo.Capacity(100, 10, 90, "ab12", 500L, 300L)))
                .isEqualTo(new ReportedCapacity(100, 10, 90, "ab12", 500L, 300L));
    }

    @Test
    void olderSesAndOddValues() {
        assertThat(ReportedCapacity.of(null)).isEqualTo(new ReportedCapacity(0, 0, 0, null, null, null));
        assertThat(ReportedCapacity.of(new SeStorageInfo.Capacity(100, 10, 90)))
                .isEqualTo(new ReportedCapacity(100, 10, 90, null, null, null));
        assertThat(ReportedCapacity.of(new SeStorageInfo.Capacity(-1, -2, -3, " ", -4L, -5L)))
                .isEqualTo(new ReportedCapacity(0, 0, 0, null, 0L, 0L));
        assertThat(ReportedCapacity.of(new SeStorageInfo.Capacity(1, 0, 1, "x".repeat(129), null, null)).filesystemId())
                .isNull();
    }
}
