package io.artstore.storage.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.artstore.storage.store.FileStore;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.conditions.ArchConditions.be;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The storage element's layering: the HTTP side ({@code files}), GC and reconcile reach the
 * storage engine ({@code store}) only through its facade {@link FileStore}; the engine knows
 * nothing of HTTP; the contract's words come from the shared kernel, never from a local enum.
 */
@AnalyzeClasses(packages = "io.artstore.storage", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String STORE = "io.artstore.storage.store..";

    @ArchTest
    static final ArchRule storeExposesOnlyItsFacade = classes()
            .that().resideInAPackage(STORE).and().arePublic()
            .should(be(belongToAnyOf(FileStore.class).as("the facade FileStore (or nested in it)")))
            .because("the engine's writers, buffers and locks are its own business");

    @ArchTest
    static final ArchRule othersUseTheStoreOnlyThroughItsFacade = noClasses()
            .that().resideOutsideOfPackage(STORE)
            .should().dependOnClassesThat(resideInAPackage(STORE).and(not(belongToAnyOf(FileStore.class))))
            .because("files, gc and reconcile change the data directory only through FileStore");

    @ArchTest
    static final ArchRule storeNeverDependsOnHttp = noClasses()
            .that().resideInAPackage(STORE)
            .should().dependOnClassesThat().resideInAnyPackage("io.artstore.storage.files..",
                    "org.springframework.web..", "jakarta.servlet..")
            .because("the storage engine serves HTTP, GC and reconcile alike");

    @ArchTest
    static final ArchRule maintenanceGoesThroughTheStoreNotTheHttpSide = noClasses()
            .that().resideInAnyPackage("io.artstore.storage.gc..", "io.artstore.storage.reconcile..")
            .should().dependOnClassesThat().resideInAPackage("io.artstore.storage.files..");

    @ArchTest
    static final ArchRule contractWordsComeFromTheKernel = noClasses()
            .that().areEnums()
            .should().haveSimpleName("Mode").orShould().haveSimpleName("Operation")
            .orShould().haveSimpleName("RetentionPolicy").orShould().haveSimpleName("FileStatus")
            .orShould().haveSimpleName("CopyStatus").orShould().haveSimpleName("StorageMode")
            .orShould().haveSimpleName("StorageOperation").orShould().haveSimpleName("StorageElementStatus")
            .because("these are io.artstore.kernel.contract's words");
}
