package io.artstore.testsupport.arch;

import java.util.Arrays;
import java.util.List;

import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The configuration style of ArtStore (docs/architecture.md): a service module's beans are
 * declared with {@code @Bean} in one {@code @Configuration} class per feature package, so the
 * main classes carry no {@code @Service}, {@code @Component} or {@code @Repository}. Only
 * controllers ({@code @RestController}, {@code @Controller}, {@code @ControllerAdvice}) and the
 * {@code @Configuration} classes themselves are found by scanning.
 *
 * <p>The annotations are matched by name and only where written on the class (not as
 * meta-annotations, which every controller and configuration carries), so the check needs no
 * Spring on the class path.
 */
public final class ConfigurationStyle {

    /** The stereotypes that make a class a scanned bean. */
    public static final List<String> STEREOTYPES = List.of(
            "org.springframework.stereotype.Service",
            "org.springframework.stereotype.Component",
            "org.springframework.stereotype.Repository");

    private static final String WHY = "beans are declared with @Bean in the feature's @Configuration class; "
            + "only controllers and configurations are found by scanning (docs/architecture.md)";

    private ConfigurationStyle() {
    }

    /** The rule over every class it is checked against. */
    public static ArchRule rule() {
        return noClasses().should().beAnnotatedWith(STEREOTYPES.get(0))
                .orShould().beAnnotatedWith(STEREOTYPES.get(1))
                .orShould().beAnnotatedWith(STEREOTYPES.get(2))
                .because(WHY);
    }

    /**
     * The rule over the classes of the given packages (and their sub-packages) only, for a
     * module converted package by package. A package without classes fails the check (a
     * misspelled or renamed package must not pass silently).
     */
    public static ArchRule rule(String... packages) {
        if (packages.length == 0) {
            throw new IllegalArgumentException("No packages given; use rule() for a whole module");
        }
        String[] trees = Arrays.stream(packages).map(name -> name + "..").toArray(String[]::new);
        return noClasses().that().resideInAnyPackage(trees)
                .should().beAnnotatedWith(STEREOTYPES.get(0))
                .orShould().beAnnotatedWith(STEREOTYPES.get(1))
                .orShould().beAnnotatedWith(STEREOTYPES.get(2))
                .allowEmptyShould(false)
                .because(WHY);
    }

    /** Checks the production classes of the module whose root package is given. */
    public static void check(String ownPackage) {
        rule().check(ModuleBoundaries.productionClasses(ownPackage));
    }

    /**
     * Checks only the given feature packages of the module whose root package is given (each
     * must lie inside it).
     */
    public static void check(String ownPackage, String... featurePackages) {
        for (String featurePackage : featurePackages) {
            if (!featurePackage.startsWith(ownPackage + ".")) {
                throw new IllegalArgumentException(featurePackage + " is not inside " + ownPackage);
            }
        }
        rule(featurePackages).check(ModuleBoundaries.productionClasses(ownPackage));
    }
}
