package io.artstore.storage;

import java.nio.file.Path;
import java.util.Set;

import io.artstore.testsupport.vocabulary.ContractVocabulary;
import org.junit.jupiter.api.Test;

/** Issue 24: the modes, policies and statuses of the contracts come from shared-kernel, never from a copy here. */
class ContractVocabularyTest {

    @Test
    void noOwnCopyOfTheContractVocabulary() {
        // the transition request documents the targets a client may ask for (the modes without edit);
        // "maintenance" is the name of an OpenAPI tag there, not the SE status
        ContractVocabulary.check("io.artstore.storage", Path.of("src/main/java"), Set.of(
                "io/artstore/storage/mode/ModeTransitionRequest.java",
                "io/artstore/storage/reconcile/ReconcileController.java",
                "io/artstore/storage/scrub/ScrubController.java"));
    }
}
