package io.artstore.testsupport.arch;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.artstore.testsupport.arch.stylefixture.converted.FeatureConfiguration;
import io.artstore.testsupport.arch.stylefixture.converted.FeatureController;
import io.artstore.testsupport.arch.stylefixture.converted.PlainBean;
import io.artstore.testsupport.arch.stylefixture.scanning.ScannedComponent;
import io.artstore.testsupport.arch.stylefixture.scanning.ScannedRepository;
import io.artstore.testsupport.arch.stylefixture.scanning.ScannedService;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The configuration-style rule catches scanned beans, and only those. */
class ConfigurationStyleRuleTest {

    private static final String FIXTURE = "io.artstore.testsupport.arch.stylefixture";

    private final JavaClasses converted = new ClassFileImporter()
            .importClasses(FeatureConfiguration.class, FeatureController.class, PlainBean.class);
    private final JavaClasses both = new ClassFileImporter()
            .importClasses(FeatureConfiguration.class, FeatureController.class, PlainBean.class,
                    ScannedService.class, ScannedComponent.class, ScannedRepository.class);

    @Test
    void serviceComponentAndRepositoryClassesFail() {
        assertThatThrownBy(() -> ConfigurationStyle.rule().check(both))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(ScannedService.class.getName())
                .hasMessageContaining(ScannedComponent.class.getName())
                .hasMessageContaining(ScannedRepository.class.getName())
                .hasMessageContaining("declared with @Bean in the feature's @Configuration")
                .satisfies(error -> assertThat(error.getMessage())
                        .doesNotContain(FeatureController.class.getName())
                        .doesNotContain(FeatureConfiguration.class.getName()));
    }

    @Test
    void configurationsControllersAndPlainClassesPass() {
        assertThatCode(() -> ConfigurationStyle.rule().check(converted)).doesNotThrowAnyException();
    }

    @Test
    void aRuleForSomePackagesIgnoresTheOthers() {
        assertThatCode(() -> ConfigurationStyle.rule(FIXTURE + ".converted").check(both))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> ConfigurationStyle.rule(FIXTURE + ".converted", FIXTURE + ".scanning").check(both))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(ScannedService.class.getName());
    }

    @Test
    void aPackageWithoutClassesFailsInsteadOfPassing() {
        assertThatThrownBy(() -> ConfigurationStyle.rule(FIXTURE + ".misspelled").check(both))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void aFeaturePackageOutsideTheModuleIsRefused() {
        assertThatThrownBy(() -> ConfigurationStyle.check("io.artstore.admin", "io.artstore.ui.web"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
