package io.artstore.ingester;

import java.nio.file.Path;
import java.util.Set;

import io.artstore.testsupport.vocabulary.ContractVocabulary;
import org.junit.jupiter.api.Test;

/** Issue 24: the modes, policies and statuses of the contracts come from shared-kernel, never from a copy here. */
class ContractVocabularyTest {

    @Test
    void noOwnCopyOfTheContractVocabulary() {
        ContractVocabulary.check("io.artstore.ingester", Path.of("src/main/java"), Set.of());
    }
}
