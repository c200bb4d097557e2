package io.artstore.storage.mode;

import java.util.List;

import io.artstore.kernel.contract.StorageMode;
import io.artstore.kernel.contract.StorageOperation;
import io.artstore.kernel.error.ApiException;
import io.artstore.kernel.error.ErrorCode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The storage element's mode matrix, as the shared {@link StorageMode} defines it. */
class ModeTransitionsTest {

    @Test
    void fullMatrix() {
        List<String> allowedWithoutConfirm = List.of("RW->RO", "RO->AR");
        List<String> allowedWithConfirm = List.of("RW->RO", "RO->AR", "RO->RW");
        for (StorageMode from : StorageMode.values()) {
            for (StorageMode to : StorageMode.values()) {
                String key = from + "->" + to;
                assertThat(from.canChangeTo(to, false)).as(key).isEqualTo(allowedWithoutConfirm.contains(key));
                assertThat(from.canChangeTo(to, true)).as(key + " confirmed").isEqualTo(allowedWithConfirm.contains(key));
            }
        }
    }

    @Test
    void rollbackWithoutConfirmationNeedsConfirmation() {
        ApiException ex = catchThrowableOfType(ApiException.class, () -> StorageMode.RO.checkTransition(StorageMode.RW, false));
        assertThat(ex.code()).isEqualTo(ErrorCode.CONFIRMATION_REQUIRED);
        assertThat(ex.status().value()).isEqualTo(409);
    }

    @Test
    void everythingElseIsInvalid() {
        for (StorageMode[] pair : new StorageMode[][]{{StorageMode.EDIT, StorageMode.RW}, {StorageMode.RW, StorageMode.EDIT},
                {StorageMode.RW, StorageMode.AR}, {StorageMode.AR, StorageMode.RO}, {StorageMode.AR, StorageMode.RW},
                {StorageMode.RW, StorageMode.RW}, {StorageMode.EDIT, StorageMode.EDIT}}) {
            assertThatThrownBy(() -> pair[0].checkTransition(pair[1], true))
                    .isInstanceOfSatisfying(ApiException.class, ex -> assertThat(ex.code()).isEqualTo(ErrorCode.INVALID_TRANSITION));
        }
    }

    @Test
    void allowedOperationsPerMode() {
        assertThat(StorageMode.EDIT.allowedOperations()).containsExactlyInAnyOrder(StorageOperation.values());
        assertThat(StorageMode.RW.allowedOperations()).containsExactlyInAnyOrder(StorageOperation.UPLOAD, StorageOperation.DOWNLOAD,
                StorageOperation.UPDATE, StorageOperation.LIST);
        assertThat(StorageMode.RO.allowedOperations()).containsExactlyInAnyOrder(StorageOperation.DOWNLOAD, StorageOperation.LIST);
        assertThat(StorageMode.AR.allowedOperations()).containsExactly(StorageOperation.LIST);
    }
}
