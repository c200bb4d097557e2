package io.artstore.kernel;

import io.artstore.testsupport.arch.ConfigurationStyle;
import io.artstore.testsupport.arch.ModuleBoundaries;
import org.junit.jupiter.api.Test;

/**
 * shared-kernel depends on no service module and declares its beans with @Bean in its
 * auto-configurations (docs/architecture.md).
 */
class ModuleBoundariesTest {

    @Test
    void dependsOnNoServiceModule() {
        ModuleBoundaries.check("io.artstore.kernel");
    }

    @Test
    void declaresItsBeansInConfigurationClasses() {
        ConfigurationStyle.check("io.artstore.kernel");
    }
}
