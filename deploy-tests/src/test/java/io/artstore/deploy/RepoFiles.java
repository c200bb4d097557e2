package io.artstore.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Files of the repository checked by these tests (root from {@code -Dartstore.root}). */
final class RepoFiles {

    private RepoFiles() {
    }

    static Path root() {
        String configured = System.getProperty("artstore.root");
        Path root = (configured != null ? Path.of(configured) : Path.of("..")).toAbsolutePath().normalize();
        if (!Files.isRegularFile(root.resolve("pom.xml")) || !Files.isDirectory(root.resolve("deploy"))) {
            throw new IllegalStateException("Not the ArtStore repository root: " + root);
        }
        return root;
    }

    static Path resolve(String relative) {
        return root().resolve(relative);
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses one YAML document safely (no arbitrary types). */
    static Object yaml(Path file) {
        return new Yaml(new SafeConstructor(new LoaderOptions())).load(read(file));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> yamlMap(Path file) {
        Object loaded = yaml(file);
        if (!(loaded instanceof Map<?, ?> map)) {
            throw new IllegalStateException(file + " is not a YAML mapping");
        }
        return (Map<String, Object>) map;
    }

    /** Reads a docker-compose env file: {@code KEY=value} lines, {@code #} comments, blank lines. */
    static Map<String, String> envFile(Path file) {
        Map<String, String> values = new LinkedHashMap<>();
        List<String> lines = read(file).lines().toList();
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new IllegalStateException(file + ": not KEY=value: " + raw);
            }
            values.put(line.substring(0, eq).strip(), line.substring(eq + 1));
        }
        return values;
    }
}
