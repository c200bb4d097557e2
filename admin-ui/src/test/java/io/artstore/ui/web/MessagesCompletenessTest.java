package io.artstore.ui.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** English and Russian bundles have the same keys, and every key the templates and code use exists. */
class MessagesCompletenessTest {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Path SOURCES = Path.of("src/main/java");

    @Test
    void englishAndRussianHaveTheSameKeys() throws IOException {
        Set<String> en = load("messages.properties").stringPropertyNames();
        Set<String> ru = load("messages_ru.properties").stringPropertyNames();
        assertThat(new TreeSet<>(ru)).as("keys missing in messages_ru.properties").containsAll(en);
        assertThat(new TreeSet<>(en)).as("keys missing in messages.properties").containsAll(ru);
    }

    @Test
    void noMessageIsEmptyAndRussianIsTranslated() throws IOException {
        Properties en = load("messages.properties");
        Properties ru = load("messages_ru.properties");
        en.stringPropertyNames().forEach(key -> assertThat(en.getProperty(key)).as(key).isNotBlank());
        ru.stringPropertyNames().forEach(key -> assertThat(ru.getProperty(key)).as(key).isNotBlank());
        assertThat(ru.getProperty("nav.files")).isEqualTo("Файлы");
    }

    @Test
    void everyKeyUsedInTemplatesAndCodeExists() throws IOException {
        Set<String> keys = load("messages.properties").stringPropertyNames();
        Set<String> used = new TreeSet<>();
        collect(TEMPLATES, Pattern.compile("#\\{([a-zA-Z0-9_.]+)[}(]"), used);
        collect(SOURCES, Pattern.compile("\"((?:flash|api\\.error|storage\\.mode|storage\\.drain|storage\\.site)\\.[a-zA-Z0-9_.]+)\""), used);
        assertThat(used).isNotEmpty();
        assertThat(keys).as("keys used but not defined").containsAll(used);
        // keys built from values: modes, statuses, roles, retention policies
        for (String value : new String[] {"mode.edit", "mode.rw", "mode.ro", "mode.ar", "status.online", "status.offline",
            "status.degraded", "status.maintenance", "status.active", "status.expired", "status.deleted",
            "status.suspended", "role.admin", "role.readonly", "retention.temporary", "retention.permanent", "copy.ok",
            "copy.pending", "copy.missing", "copy.corrupt"}) {
            assertThat(keys).contains(value);
        }
    }

    private static void collect(Path root, Pattern pattern, Set<String> into) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Matcher matcher = pattern.matcher(Files.readString(file));
                while (matcher.find()) {
                    into.add(matcher.group(1));
                }
            }
        }
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessagesCompletenessTest.class.getResourceAsStream("/" + name)) {
            assertThat(in).as(name).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
