package io.artstore.kernel;

import io.artstore.testsupport.arch.ModuleBoundaries;
import org.junit.jupiter.api.Test;

/** shared-kernel depends on no service module (docs/architecture.md). */
class ModuleBoundariesTest {

    @Test
    void dependsOnNoServiceModule() {
        ModuleBoundaries.check("io.artstore.kernel");
    }
}
