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

    /**
     * Only the packages converted so far: files, storage and sync still use component scanning
     * until the copies work is merged. Once they are converted this becomes
     * {@code ConfigurationStyle.check("io.artstore.admin")}.
     */
    @Test
    void declaresItsBeansInConfigurationClasses() {
        ConfigurationStyle.check("io.artstore.admin", "io.artstore.admin.users", "io.artstore.admin.auth",
                "io.artstore.admin.keys", "io.artstore.admin.accounts", "io.artstore.admin.common");
    }
}
