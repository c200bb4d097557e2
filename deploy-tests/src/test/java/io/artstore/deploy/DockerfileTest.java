package io.artstore.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every service Dockerfile: multi-stage, layered jar, non-root, health check, OpenTelemetry agent. */
class DockerfileTest {

    @ParameterizedTest
    @CsvSource({
            "admin-module, AM_PORT, 8000",
            "storage-element, SE_PORT, 8010",
            "ingester-module, IG_PORT, 8020",
            "query-module, QM_PORT, 8030",
            "admin-ui, UI_PORT, 4200"})
    void serviceImage(String module, String portVariable, int port) {
        String dockerfile = RepoFiles.read(RepoFiles.resolve(module + "/Dockerfile"));
        List<String> lines = dockerfile.lines().map(String::strip).toList();

        assertThat(lines.stream().filter(l -> l.startsWith("FROM ")).count()).as("multi-stage").isGreaterThanOrEqualTo(2);
        assertThat(lines.stream().filter(l -> l.startsWith("FROM ")).reduce((a, b) -> b).orElseThrow())
                .as("JRE 21 runtime").contains("21-jre");
        assertThat(dockerfile).contains("-pl " + module + " -am -DskipTests package");
        assertThat(dockerfile).contains("-Djarmode=tools").contains("extract --layers --launcher");
        assertThat(dockerfile).contains("org.springframework.boot.loader.launch.JarLauncher");

        assertThat(dockerfile).contains("dependency:copy")
                .contains("io.opentelemetry.javaagent:opentelemetry-javaagent:")
                .contains("opentelemetry-javaagent.version");
        assertThat(dockerfile).contains("JAVA_TOOL_OPTIONS=\"-javaagent:/opt/otel/opentelemetry-javaagent.jar")
                .contains("OTEL_SERVICE_NAME=" + module);

        String user = lines.stream().filter(l -> l.startsWith("USER ")).reduce((a, b) -> b).orElseThrow();
        assertThat(user).as("non-root user").doesNotContain("root").doesNotMatch("USER 0(:.*)?");
        assertThat(lines).as("EXPOSE of the module port").contains("EXPOSE " + port);

        int healthcheck = lines.indexOf(lines.stream().filter(l -> l.startsWith("HEALTHCHECK")).findFirst().orElseThrow());
        String check = String.join(" ", lines.subList(healthcheck, Math.min(lines.size(), healthcheck + 2)));
        assertThat(check).contains("/health/live").contains("${" + portVariable + ":-" + port + "}");
        assertThat(Pattern.compile("\\$\\{:-").matcher(dockerfile).find()).as("no empty substitutions").isFalse();
    }
}
