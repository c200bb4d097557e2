package io.artstore.testsupport.vocabulary;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The guard itself: it must fail on a module's own copy, with stand-ins for the kernel and a module. */
class ContractVocabularyTest {

    private static final String FIXTURE = "io.artstore.testsupport.vocabulary.fixture";

    private final JavaClasses kernel = new ClassFileImporter().importPackages(FIXTURE + ".kernel");

    @Test
    void anEnumNamedLikeAContractEnumOrRepeatingItsConstantsIsACopy() {
        JavaClasses module = new ClassFileImporter().importPackages(FIXTURE + ".module");
        assertThatThrownBy(() -> ContractVocabulary.noOwnContractEnums(kernel, FIXTURE + ".kernel").check(module))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("fixture.module.CopiedModes repeats the constants of")
                .hasMessageContaining("fixture.module.StorageMode is named like a contract enum")
                .hasMessageNotContaining("Colour");
    }

    @Test
    void theKernelsOwnEnumsAndUnrelatedOnesPass() {
        JavaClasses allowed = new ClassFileImporter().importClasses(
                io.artstore.testsupport.vocabulary.fixture.kernel.StorageMode.class,
                io.artstore.testsupport.vocabulary.fixture.module.Colour.class);
        ContractVocabulary.noOwnContractEnums(kernel, FIXTURE + ".kernel").check(allowed);
    }

    @Test
    void theLiteralValuesAreThoseOfTheKernelEnums() {
        assertThat(ContractVocabulary.contractValues(kernel, FIXTURE + ".kernel")).containsExactly("ar", "edit", "ro", "rw");
    }

    @Test
    void stringLiteralsOfContractValuesAreFoundOutsideCommentsAndAllowedFiles(@TempDir Path root) throws IOException {
        Files.createDirectories(root.resolve("a"));
        Files.writeString(root.resolve("a/Bad.java"), """
                class Bad {
                    // "rw" in a comment is fine
                    String mode = "rw"; String other = "rwx"; String escaped = "say \\"ro\\"";
                    boolean edit(String m) { return "EDIT".equalsIgnoreCase(m); }
                    @Schema(defaultValue = "rw", example = "ro") String documented;
                    @Schema(allowableValues = {"rw", "ro"}) String listed;
                }
                """);
        Files.writeString(root.resolve("a/Allowed.java"), "class Allowed { String m = \"ro\"; }\n");
        assertThat(ContractVocabulary.literalsOutside(root, Set.of("rw", "ro", "edit"), Set.of("a/Allowed.java")))
                .containsExactly("a/Bad.java:3: \"rw\"", "a/Bad.java:4: \"EDIT\"", "a/Bad.java:6: \"rw\"", "a/Bad.java:6: \"ro\"");
    }
}
