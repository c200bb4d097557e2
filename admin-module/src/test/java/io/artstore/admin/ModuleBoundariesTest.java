package io.artstore.admin;

import io.artstore.testsupport.arch.ConfigurationStyle;
import io.artstore.testsupport.arch.ModuleBoundaries;
import org.junit.jupiter.api.Test;

/**
 * This module uses no other service module's classes, only io.artstore.kernel, and declares its
 * beans with @Bean in configuration classes (docs/architecture.md).
 */
class ModuleBoundariesTest {

    @Test
    void usesNoOtherServiceModule() {
        ModuleBoundaries.check("io.artstore.admin");
    }

    @Test
    void declaresItsBeansInConfigurationClasses() {
        ConfigurationStyle.check("io.artstore.admin");
    }
}
