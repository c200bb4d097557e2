package io.artstore.testsupport.arch;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.artstore.ingester.archfixture.UsesKernel;
import io.artstore.ingester.archfixture.UsesQuery;
import io.artstore.kernel.archfixture.UsesService;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The boundary rules catch what they are meant to, and only that. */
class ModuleBoundariesRuleTest {

    @Test
    void aServiceUsingAnotherServiceFails() {
        assertThatThrownBy(() -> ModuleBoundaries.rule("io.artstore.ingester")
                .check(new ClassFileImporter().importClasses(UsesQuery.class)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("io.artstore.query.archfixture.QueryThing");
    }

    @Test
    void aServiceUsingTheKernelAndItselfPasses() {
        assertThatCode(() -> ModuleBoundaries.rule("io.artstore.ingester")
                .check(new ClassFileImporter().importClasses(UsesKernel.class)))
                .doesNotThrowAnyException();
    }

    @Test
    void theKernelUsingAServiceFails() {
        assertThatThrownBy(() -> ModuleBoundaries.rule(ModuleBoundaries.KERNEL)
                .check(new ClassFileImporter().importClasses(UsesService.class)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("shared-kernel is the library of every service");
    }

    @Test
    void anUnknownRootPackageIsRefused() {
        assertThatThrownBy(() -> ModuleBoundaries.rule("io.artstore"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
