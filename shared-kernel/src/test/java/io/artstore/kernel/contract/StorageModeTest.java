package io.artstore.kernel.contract;

import io.artstore.kernel.error.ApiException;
import io.artstore.kernel.error.ErrorCode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StorageModeTest {

    @Test
    void lifeCycleIsRwRoArWithAConfirmedRollback() {
        assertThat(StorageMode.RW.targets()).containsExactly(StorageMode.RO);
        assertThat(StorageMode.RO.targets()).containsExactly(StorageMode.AR, StorageMode.RW);
        assertThat(StorageMode.EDIT.targets()).isEmpty();
        assertThat(StorageMode.AR.targets()).isEmpty();
        assertThat(StorageMode.AR.isFinal()).isTrue();
        assertThat(StorageMode.RO.canChangeTo(StorageMode.RW, false)).isFalse();
        assertThat(StorageMode.RO.canChangeTo(StorageMode.RW, true)).isTrue();
        assertThat(StorageMode.RW.canChangeTo(StorageMode.AR, true)).isFalse();
    }

    @Test
    void refusedTransitionsAnswerTheContractsCodes() {
        assertThatThrownBy(() -> StorageMode.RO.checkTransition(StorageMode.RW, false))
                .isInstanceOfSatisfying(ApiException.class, ex -> assertThat(ex.code()).isEqualTo(ErrorCode.CONFIRMATION_REQUIRED));
        assertThatThrownBy(() -> StorageMode.AR.checkTransition(StorageMode.RO, true))
                .isInstanceOfSatisfying(ApiException.class, ex -> {
                    assertThat(ex.code()).isEqualTo(ErrorCode.INVALID_TRANSITION);
                    assertThat(ex.getMessage()).contains("archive is final");
                });
        assertThatThrownBy(() -> StorageMode.EDIT.checkTransition(StorageMode.RW, true))
                .hasMessageContaining("edit is an isolated mode");
        StorageMode.RW.checkTransition(StorageMode.RO, false);
    }

    @Test
    void operationsPerMode() {
        assertThat(StorageMode.EDIT.allows(StorageOperation.DELETE)).isTrue();
        assertThat(StorageMode.RW.allows(StorageOperation.DELETE)).isFalse();
        assertThat(StorageMode.RO.allowedOperations()).containsExactlyInAnyOrder(StorageOperation.DOWNLOAD, StorageOperation.LIST);
        assertThat(StorageMode.AR.allowedOperations()).containsExactly(StorageOperation.LIST);
    }

    @Test
    void contractValues() {
        assertThat(StorageMode.parse(" RW ")).contains(StorageMode.RW);
        assertThat(StorageMode.parse("bogus")).isEmpty();
        assertThat(StorageMode.RO.value()).isEqualTo("ro");
        assertThat(RetentionPolicy.PERMANENT.storageMode()).isEqualTo(StorageMode.RW);
        assertThat(RetentionPolicy.TEMPORARY.storageMode()).isEqualTo(StorageMode.EDIT);
        assertThat(CopyStatus.parse("corrupt")).contains(CopyStatus.CORRUPT);
        assertThatThrownBy(() -> ContractValues.require(FileStatus.class, "status", "bogus"))
                .hasMessage("status: must be one of 'active', 'expired', 'deleted'");
    }
}
