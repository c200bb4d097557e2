package io.artstore.ui.storage;

import io.artstore.kernel.contract.StorageMode;
import io.artstore.ui.storage.ModeTransitions.Refusal;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ModeTransitionsTest {

    @Test
    void offersTheLifecycleAndAsksForConfirmationOnlyForTheRollback() {
        assertThat(ModeTransitions.targets("edit")).isEmpty();
        assertThat(ModeTransitions.targets("rw")).containsExactly("ro");
        assertThat(ModeTransitions.targets("ro")).containsExactly("ar", "rw");
        assertThat(ModeTransitions.targets("ar")).isEmpty();
        assertThat(ModeTransitions.needsConfirmation("ro", "rw")).isTrue();
        assertThat(ModeTransitions.needsConfirmation("rw", "ro")).isFalse();
        assertThat(ModeTransitions.needsConfirmation("ro", "ar")).isFalse();
    }

    @Test
    void nothingIsSentWithoutAChosenOfferedTarget() {
        assertThat(ModeTransitions.refusal("ro", "", false, "", "Archive SE")).contains(Refusal.NO_TARGET);
        assertThat(ModeTransitions.refusal("ro", null, true, "Archive SE", "Archive SE")).contains(Refusal.NO_TARGET);
        assertThat(ModeTransitions.refusal("rw", "ar", false, "Main", "Main")).contains(Refusal.NOT_OFFERED);
        assertThat(ModeTransitions.refusal("ar", "rw", true, "", "Main")).contains(Refusal.NOT_OFFERED);
        assertThat(ModeTransitions.refusal("edit", "ro", false, "", "Main")).contains(Refusal.NOT_OFFERED);
    }

    @Test
    void archivingNeedsTheExactNameOfTheStorageElement() {
        assertThat(ModeTransitions.needsTypedName("ar")).isTrue();
        assertThat(ModeTransitions.needsTypedName("ro")).isFalse();
        assertThat(ModeTransitions.refusal("ro", "ar", false, "", "Archive SE")).contains(Refusal.NAME_MISMATCH);
        assertThat(ModeTransitions.refusal("ro", "ar", true, null, "Archive SE")).contains(Refusal.NAME_MISMATCH);
        assertThat(ModeTransitions.refusal("ro", "ar", false, "Archive", "Archive SE")).contains(Refusal.NAME_MISMATCH);
        assertThat(ModeTransitions.refusal("ro", "ar", false, "archive se", "Archive SE")).contains(Refusal.NAME_MISMATCH);
        // the confirmation box of the rollback is no substitute for the name
        assertThat(ModeTransitions.refusal("ro", "ar", true, "", "Archive SE")).contains(Refusal.NAME_MISMATCH);
        assertThat(ModeTransitions.refusal("ro", "ar", false, "Archive SE", "Archive SE")).isEmpty();
        assertThat(ModeTransitions.refusal("ro", "ar", false, " Archive SE\n", "Archive SE")).isEmpty();
    }

    @Test
    void theRollbackNeedsItsBoxAndReadOnlyNeedsNothingMore() {
        assertThat(ModeTransitions.refusal("ro", "rw", false, "", "Main")).contains(Refusal.CONFIRMATION_MISSING);
        assertThat(ModeTransitions.refusal("ro", "rw", true, "", "Main")).isEmpty();
        assertThat(ModeTransitions.refusal("rw", "ro", false, "", "Main")).isEmpty();
    }

    @Test
    void theUiOffersExactlyTheTransitionsOfTheSharedKernel() {
        assertThat(ModeTransitions.MODES).containsExactly("edit", "rw", "ro", "ar");
        for (StorageMode from : StorageMode.values()) {
            for (StorageMode to : StorageMode.values()) {
                String pair = from.value() + " -> " + to.value();
                assertThat(ModeTransitions.targets(from.value()).contains(to.value())).as(pair)
                        .isEqualTo(from.targets().contains(to));
                assertThat(ModeTransitions.needsConfirmation(from.value(), to.value())).as(pair)
                        .isEqualTo(from.needsConfirmation(to));
                assertThat(ModeTransitions.refusal(from.value(), to.value(), true, "SE", "SE").isEmpty()).as(pair)
                        .isEqualTo(from.canChangeTo(to, true));
            }
        }
        // only the contract's spelling is a mode
        assertThat(ModeTransitions.targets("RW")).isEmpty();
        assertThat(ModeTransitions.targets(null)).isEmpty();
    }
}
