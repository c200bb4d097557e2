package io.artstore.storage.mode;

import java.util.List;

import io.artstore.kernel.error.ApiException;
import io.artstore.kernel.error.ErrorCode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ModeTransitionsTest {

    @Test
    void fullMatrix() {
        List<String> allowedWithoutConfirm = List.of("RW->RO", "RO->AR");
        List<String> allowedWithConfirm = List.of("RW->RO", "RO->AR", "RO->RW");
        for (Mode from : Mode.values()) {
            for (Mode to : Mode.values()) {
                String key = from + "->" + to;
                assertThat(ModeTransitions.allowed(from, to, false)).as(key).isEqualTo(allowedWithoutConfirm.contains(key));
                assertThat(ModeTransitions.allowed(from, to, true)).as(key + " confirmed").isEqualTo(allowedWithConfirm.contains(key));
            }
        }
    }

    @Test
    void rollbackWithoutConfirmationNeedsConfirmation() {
        ApiException ex = catchThrowableOfType(ApiException.class, () -> ModeTransitions.check(Mode.RO, Mode.RW, false));
        assertThat(ex.code()).isEqualTo(ErrorCode.CONFIRMATION_REQUIRED);
        assertThat(ex.status().value()).isEqualTo(409);
    }

    @Test
    void everythingElseIsInvalid() {
        for (Mode[] pair : new Mode[][]{{Mode.EDIT, Mode.RW}, {Mode.RW, Mode.EDIT}, {Mode.RW, Mode.AR},
                {Mode.AR, Mode.RO}, {Mode.AR, Mode.RW}, {Mode.RW, Mode.RW}, {Mode.EDIT, Mode.EDIT}}) {
            assertThatThrownBy(() -> ModeTransitions.check(pair[0], pair[1], true))
                    .isInstanceOfSatisfying(ApiException.class, ex -> assertThat(ex.code()).isEqualTo(ErrorCode.INVALID_TRANSITION));
        }
    }

    @Test
    void allowedOperationsPerMode() {
        assertThat(Mode.EDIT.allowedOperations()).containsExactlyInAnyOrder(Operation.values());
        assertThat(Mode.RW.allowedOperations()).containsExactlyInAnyOrder(Operation.UPLOAD, Operation.DOWNLOAD,
                Operation.UPDATE, Operation.LIST);
        assertThat(Mode.RO.allowedOperations()).containsExactlyInAnyOrder(Operation.DOWNLOAD, Operation.LIST);
        assertThat(Mode.AR.allowedOperations()).containsExactly(Operation.LIST);
    }
}
