package io.artstore.testsupport.vocabulary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaEnumConstant;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/**
 * Keeps the contract vocabulary defined once: the enums of shared-kernel's
 * {@code io.artstore.kernel.contract} (storage modes, retention policies, file, copy and SE
 * statuses, ...) must not get a second copy in a module, neither as an enum of their own nor as
 * string literals of their values in the module's main code. Read from the kernel's own classes,
 * so a word added there is guarded everywhere at once. Each module calls {@link #check} from a test.
 */
public final class ContractVocabulary {

    /** The shared-kernel package that owns the words. */
    public static final String KERNEL_PACKAGE = "io.artstore.kernel.contract";

    /** Short names a module's own copy of a kernel enum is likely to have. */
    private static final Set<String> ALIASES = Set.of("Mode", "Operation", "Retention", "SeStatus", "StorageStatus");

    /**
     * Kernel enums whose values are distinctive enough to be refused as string literals; words like
     * {@code ok}, {@code list} or {@code deleted} also name unrelated things (health, actions, audit).
     */
    private static final Set<String> LITERAL_TYPES = Set.of("StorageMode", "RetentionPolicy", "StorageElementStatus");

    /**
     * Documentation of one value ({@code @Schema(defaultValue = "temporary")}) or a configuration
     * default bound to a contract enum ({@code @DefaultValue("edit") StorageMode mode}) names it, it defines nothing.
     */
    private static final Pattern DOCUMENTED_VALUE = Pattern.compile("((defaultValue|example)\\s*=|@DefaultValue\\()\\s*$");
    /** A Java string literal, for the source scan. */
    private static final Pattern STRING_LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");

    private ContractVocabulary() {
    }

    /**
     * Fails when the main classes under {@code modulePackage} declare a copy of a kernel contract
     * enum, or when the main sources under {@code sourceRoot} spell one of its values as a string literal
     * (files listed in {@code allowedFiles}, relative to {@code sourceRoot}, excepted).
     */
    public static void check(String modulePackage, Path sourceRoot, Set<String> allowedFiles) {
        JavaClasses kernel = new ClassFileImporter().importPackages(KERNEL_PACKAGE);
        JavaClasses module = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(modulePackage);
        noOwnContractEnums(kernel).check(module);
        List<String> literals = literalsOutside(sourceRoot, contractValues(kernel, KERNEL_PACKAGE), allowedFiles);
        if (!literals.isEmpty()) {
            throw new AssertionError("Contract values written as string literals instead of using the "
                    + KERNEL_PACKAGE + " enums:\n  " + String.join("\n  ", literals));
        }
    }

    /** No enum outside the kernel that is named like a contract enum or holds all the constants of one. */
    public static ArchRule noOwnContractEnums(JavaClasses kernel) {
        return noOwnContractEnums(kernel, KERNEL_PACKAGE);
    }

    static ArchRule noOwnContractEnums(JavaClasses kernel, String kernelPackage) {
        List<JavaClass> kernelEnums = kernel.stream()
                .filter(JavaClass::isEnum)
                .filter(c -> c.getPackageName().equals(kernelPackage))
                .toList();
        Set<String> names = new TreeSet<>(ALIASES);
        kernelEnums.forEach(e -> names.add(e.getSimpleName()));
        return classes().that().areEnums()
                .and().resideOutsideOfPackage(kernelPackage)
                .should(new ArchCondition<>("not be a copy of a " + kernelPackage + " enum") {
                    @Override
                    public void check(JavaClass item, ConditionEvents events) {
                        Set<String> constants = constantNames(item);
                        for (JavaClass kernelEnum : kernelEnums) {
                            if (constants.containsAll(constantNames(kernelEnum))) {
                                events.add(SimpleConditionEvent.violated(item, item.getName()
                                        + " repeats the constants of " + kernelEnum.getName()));
                                return;
                            }
                        }
                        if (names.contains(item.getSimpleName())) {
                            events.add(SimpleConditionEvent.violated(item, item.getName()
                                    + " is named like a contract enum of " + kernelPackage));
                        }
                    }
                })
                .allowEmptyShould(true)
                .because("each word of the contracts is defined once, in shared-kernel");
    }

    /** The lower-case contract values of the kernel enums in {@link #LITERAL_TYPES}. */
    static Set<String> contractValues(JavaClasses kernel, String kernelPackage) {
        return kernel.stream()
                .filter(c -> c.isEnum() && c.getPackageName().equals(kernelPackage)
                        && LITERAL_TYPES.contains(c.getSimpleName()))
                .flatMap(c -> constantNames(c).stream())
                .map(name -> name.toLowerCase(Locale.ROOT))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * "file:line: literal" for each string literal equal to one of {@code values}; comments and
     * documented single values ({@code defaultValue = "..."}, {@code example = "..."}) are skipped.
     */
    static List<String> literalsOutside(Path sourceRoot, Set<String> values, Set<String> allowedFiles) {
        if (!Files.isDirectory(sourceRoot)) {
            throw new IllegalArgumentException("No source directory " + sourceRoot.toAbsolutePath());
        }
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sourceRoot)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String relative = sourceRoot.relativize(file).toString().replace('\\', '/');
                if (allowedFiles.contains(relative)) {
                    continue;
                }
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i).strip();
                    if (line.startsWith("//") || line.startsWith("*") || line.startsWith("/*")) {
                        continue;
                    }
                    Matcher literal = STRING_LITERAL.matcher(line);
                    while (literal.find()) {
                        if (values.contains(literal.group(1).toLowerCase(Locale.ROOT))
                                && !DOCUMENTED_VALUE.matcher(line.substring(0, literal.start())).find()) {
                            found.add(relative + ":" + (i + 1) + ": " + literal.group());
                        }
                    }
                }
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return found;
    }

    private static Set<String> constantNames(JavaClass type) {
        return type.getEnumConstants().stream().map(JavaEnumConstant::name).collect(Collectors.toSet());
    }
}
