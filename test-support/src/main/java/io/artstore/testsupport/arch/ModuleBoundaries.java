package io.artstore.testsupport.arch;

import java.util.List;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The module boundaries of ArtStore (docs/architecture.md): the service modules never use
 * each other's classes — they talk over HTTP and share only {@code io.artstore.kernel} — and
 * shared-kernel depends on no service. Each module's test calls {@link #check(String)} with
 * its own root package, so a violation fails the build of the module that commits it.
 */
public final class ModuleBoundaries {

    /** Root package of shared-kernel, the one library every service may use. */
    public static final String KERNEL = "io.artstore.kernel";

    /** Root packages of the service modules, mutually exclusive. */
    public static final List<String> SERVICES = List.of(
            "io.artstore.admin",
            "io.artstore.storage",
            "io.artstore.ingester",
            "io.artstore.query",
            "io.artstore.ui");

    private ModuleBoundaries() {
    }

    /**
     * The rule for one module: its classes depend on no service package but its own
     * ({@link #KERNEL} checks that it depends on none).
     */
    public static ArchRule rule(String ownPackage) {
        if (!ownPackage.equals(KERNEL) && !SERVICES.contains(ownPackage)) {
            throw new IllegalArgumentException("Not a module root package: " + ownPackage);
        }
        String[] others = SERVICES.stream()
                .filter(service -> !service.equals(ownPackage))
                .map(service -> service + "..")
                .toArray(String[]::new);
        String why = ownPackage.equals(KERNEL)
                ? "shared-kernel is the library of every service and depends on none"
                : "service modules talk over HTTP and share only " + KERNEL;
        return noClasses().that().resideInAPackage(ownPackage + "..")
                .should().dependOnClassesThat().resideInAnyPackage(others)
                .because(why);
    }

    /** Checks the production classes of the module whose root package is given. */
    public static void check(String ownPackage) {
        rule(ownPackage).check(productionClasses(ownPackage));
    }

    /** The module's own classes, from its main output only (tests may differ). */
    public static JavaClasses productionClasses(String ownPackage) {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(ownPackage);
        if (classes.isEmpty()) {
            // an empty import would make every rule pass: a renamed package must not hide the check
            throw new IllegalStateException("No classes found in " + ownPackage);
        }
        return classes;
    }
}
