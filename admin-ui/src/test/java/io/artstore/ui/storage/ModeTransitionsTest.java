package io.artstore.ui.storage;

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
}
