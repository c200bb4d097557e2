package io.artstore.system;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's quick-start commands run verbatim against the stack, so they cannot rot. */
class ReadmeQuickstartIT {

    @Test
    void quickstartCommandsWork() throws Exception {
        SystemStack.get();
        String readme = Files.readString(Path.of("README.md"));
        int begin = readme.indexOf("<!-- quickstart:begin -->");
        int end = readme.indexOf("<!-- quickstart:end -->");
        assertThat(begin).as("README has a quick-start block").isPositive();
        String block = readme.substring(readme.indexOf("```bash", begin) + "```bash".length(),
                readme.lastIndexOf("```", end));

        Path work = Files.createTempDirectory("artstore-readme-");
        Files.createDirectories(work.resolve(".artstore"));
        Files.copy(SystemStack.dataDir().resolve("stack.env"), work.resolve(".artstore/stack.env"));
        Path script = work.resolve("quickstart.sh");
        Files.writeString(script, "set -euo pipefail\n" + block);

        Process process = new ProcessBuilder("bash", script.toString()).directory(work.toFile())
                .redirectErrorStream(true).start();
        boolean finished = process.waitFor(Duration.ofMinutes(2).toSeconds(), TimeUnit.SECONDS);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(finished).as(output).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("\"items\"").contains("\"relevance_score\"").contains("Quarterly report")
                .contains("resumed download is complete").contains("Admin UI: http");
        assertThat(Files.readString(work.resolve("copy.txt"))).isEqualTo(Files.readString(work.resolve("report.txt")));
    }
}
