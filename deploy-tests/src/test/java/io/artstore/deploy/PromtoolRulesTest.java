package io.artstore.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * deploy/prometheus/tests/*.yml: the alert rules' unit tests, evaluated by Prometheus' own
 * {@code promtool test rules} (Debian package {@code prometheus}). Skipped where promtool is not
 * installed unless {@code -Dartstore.promtool.required=true}; {@link PrometheusRulesTest} still
 * parses the rules there.
 */
class PromtoolRulesTest {

    @Test
    void alertRuleUnitTestsPass() throws IOException, InterruptedException {
        Path promtool = findPromtool();
        if (Boolean.getBoolean("artstore.promtool.required")) {
            assertThat(promtool).as("promtool on the PATH").isNotNull();
        }
        assumeTrue(promtool != null, "promtool is not installed");
        Path tests = RepoFiles.resolve("deploy/prometheus/tests");
        List<String> files;
        try (var listing = Files.list(tests)) {
            files = listing.filter(f -> f.toString().endsWith(".yml")).map(Path::toString).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        List<String> command = new ArrayList<>(List.of(promtool.toString(), "test", "rules"));
        command.addAll(files);
        Process process = new ProcessBuilder(command).directory(tests.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }

    private static Path findPromtool() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, "promtool");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
