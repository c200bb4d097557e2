package io.artstore.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml (and the standalone-SE compose file): every service has an image or a
 * build, a health check, start-order dependencies on healthy services, and every environment
 * variable its module README marks as required.
 */
class ComposeFileTest {

    private static final Set<String> MODULES = Set.of(
            "admin-module", "storage-element", "ingester-module", "query-module", "admin-ui");
    private static final Pattern ARTSTORE_IMAGE = Pattern.compile("artstore/([a-z-]+)(:.*)?");

    static Stream<Arguments> composeFiles() {
        return Stream.of(
                Arguments.of("docker-compose.yml"),
                Arguments.of("deploy/compose/standalone-se.yml"));
    }

    @ParameterizedTest
    @MethodSource("composeFiles")
    void everyServiceHasAnImageOrBuildAndAHealthCheck(String file) {
        Map<String, Map<String, Object>> services = services(RepoFiles.resolve(file));
        assertThat(services).isNotEmpty();
        services.forEach((name, service) -> {
            assertThat(service.containsKey("image") || service.containsKey("build"))
                    .as("%s: service %s has image or build", file, name).isTrue();
            Object build = service.get("build");
            if (build instanceof Map<?, ?> b && b.get("dockerfile") != null) {
                Path context = RepoFiles.resolve(file).getParent().resolve(String.valueOf(b.get("context")));
                assertThat(context.resolve(String.valueOf(b.get("dockerfile"))))
                        .as("%s: Dockerfile of %s", file, name).isRegularFile();
            }
            Object healthcheck = service.get("healthcheck");
            assertThat(healthcheck).as("%s: service %s has a healthcheck", file, name).isInstanceOf(Map.class);
            Map<?, ?> check = (Map<?, ?>) healthcheck;
            assertThat(check.get("disable")).as("%s: healthcheck of %s is not disabled", file, name)
                    .isNotEqualTo(Boolean.TRUE);
            assertThat(check.get("test")).as("%s: healthcheck test of %s", file, name)
                    .isNotNull().asString().isNotBlank();
        });
    }

    @ParameterizedTest
    @MethodSource("composeFiles")
    void dependenciesWaitForHealthOrCompletion(String file) {
        Map<String, Map<String, Object>> services = services(RepoFiles.resolve(file));
        services.forEach((name, service) -> {
            Object dependsOn = service.get("depends_on");
            if (dependsOn == null) {
                return;
            }
            assertThat(dependsOn).as("%s: depends_on of %s uses the long form with conditions", file, name)
                    .isInstanceOf(Map.class);
            ((Map<?, ?>) dependsOn).forEach((dependency, spec) -> {
                assertThat(services).as("%s: %s depends on a defined service", file, name)
                        .containsKey(String.valueOf(dependency));
                Object condition = ((Map<?, ?>) spec).get("condition");
                assertThat(condition).as("%s: %s -> %s condition", file, name, dependency)
                        .isIn("service_healthy", "service_completed_successfully");
            });
        });
    }

    @ParameterizedTest
    @MethodSource("composeFiles")
    void envFilesExist(String file) {
        Path compose = RepoFiles.resolve(file);
        services(compose).forEach((name, service) -> {
            for (String envFile : envFiles(service)) {
                // standalone-se.env is the operator's copy of standalone-se.env.example
                Path path = compose.getParent().resolve(envFile);
                Path template = compose.getParent().resolve(envFile + ".example");
                assertThat(Files.isRegularFile(path) || Files.isRegularFile(template))
                        .as("%s: env file %s of %s (or its .example)", file, envFile, name).isTrue();
            }
        });
    }

    @ParameterizedTest
    @MethodSource("composeFiles")
    void artstoreServicesGetEveryVariableTheirReadmeRequires(String file) {
        Path compose = RepoFiles.resolve(file);
        Map<String, Map<String, Object>> services = services(compose);
        int checked = 0;
        for (Map.Entry<String, Map<String, Object>> entry : services.entrySet()) {
            Optional<String> module = module(entry.getValue());
            if (module.isEmpty()) {
                continue;
            }
            Path readme = RepoFiles.resolve(module.get() + "/README.md");
            List<String> required = ModuleReadme.requiredVariables(RepoFiles.read(readme));
            if (ModuleReadme.environmentVariables(RepoFiles.read(readme)).isEmpty()) {
                System.out.printf("NOTE: %s has no environment table yet; %s/%s not checked against it%n",
                        readme, file, entry.getKey());
                continue;
            }
            Set<String> provided = environment(compose, entry.getValue()).keySet();
            Set<String> missing = new TreeSet<>(required);
            missing.removeAll(provided);
            assertThat(missing).as("%s: variables required by %s missing from service %s",
                    file, readme.getFileName(), entry.getKey()).isEmpty();
            checked++;
        }
        System.out.printf("%s: %d ArtStore service(s) checked against their module README%n", file, checked);
    }

    @Test
    void everyModuleRunsInTheMainComposeFile() {
        Set<String> modules = new TreeSet<>();
        services(RepoFiles.resolve("docker-compose.yml")).values().forEach(s -> module(s).ifPresent(modules::add));
        assertThat(modules).containsExactlyInAnyOrderElementsOf(MODULES);
    }

    @Test
    void threeStorageElementsWithTheirOwnVolumesAndTls() {
        Path compose = RepoFiles.resolve("docker-compose.yml");
        Map<String, Map<String, Object>> services = services(compose);
        List<String> ses = services.entrySet().stream()
                .filter(e -> module(e.getValue()).filter("storage-element"::equals).isPresent())
                .map(Map.Entry::getKey).toList();
        // issue 25: two rw SEs (sites a and b, set at registration), so a permanent file gets two copies
        assertThat(ses).hasSize(3);
        List<String> modes = new ArrayList<>();
        Set<String> volumes = new TreeSet<>();
        for (String se : ses) {
            Map<String, String> env = environment(compose, services.get(se));
            modes.add(env.get("SE_MODE"));
            assertThat(env.get("SE_TLS_CERT")).as("%s serves HTTPS", se).isNotBlank();
            assertThat(env.get("SE_TLS_KEY")).as("%s serves HTTPS", se).isNotBlank();
            for (Object volume : (List<?>) services.get(se).get("volumes")) {
                String source = String.valueOf(volume).split(":")[0];
                if (!source.equals("se-tls")) {
                    assertThat(volumes.add(source)).as("volume %s is used by one SE only", source).isTrue();
                }
            }
        }
        assertThat(modes).containsExactlyInAnyOrder("edit", "rw", "rw");
    }

    // ---- helpers ----

    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> services(Path compose) {
        Object services = RepoFiles.yamlMap(compose).get("services");
        if (!(services instanceof Map<?, ?> map)) {
            fail(compose + " has no services");
            return Map.of();
        }
        Map<String, Map<String, Object>> result = new LinkedHashMap<>();
        map.forEach((k, v) -> result.put(String.valueOf(k), v == null ? Map.of() : (Map<String, Object>) v));
        return result;
    }

    /** The ArtStore module a service runs: from its build Dockerfile or its artstore/* image. */
    static Optional<String> module(Map<String, Object> service) {
        if (service.get("build") instanceof Map<?, ?> build && build.get("dockerfile") != null) {
            String dockerfile = String.valueOf(build.get("dockerfile"));
            String module = dockerfile.contains("/") ? dockerfile.substring(0, dockerfile.indexOf('/')) : "";
            if (MODULES.contains(module)) {
                return Optional.of(module);
            }
        }
        if (service.get("image") instanceof String image) {
            Matcher m = ARTSTORE_IMAGE.matcher(image);
            if (m.matches() && MODULES.contains(m.group(1))) {
                return Optional.of(m.group(1));
            }
        }
        return Optional.empty();
    }

    static List<String> envFiles(Map<String, Object> service) {
        Object envFile = service.get("env_file");
        List<String> files = new ArrayList<>();
        if (envFile instanceof String s) {
            files.add(s);
        } else if (envFile instanceof List<?> list) {
            for (Object item : list) {
                files.add(item instanceof Map<?, ?> m ? String.valueOf(m.get("path")) : String.valueOf(item));
            }
        }
        return files;
    }

    /** Variables a service gets: its env files (or their .example templates), then `environment`. */
    static Map<String, String> environment(Path compose, Map<String, Object> service) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String envFile : envFiles(service)) {
            Path path = compose.getParent().resolve(envFile);
            if (!Files.isRegularFile(path)) {
                path = compose.getParent().resolve(envFile + ".example");
            }
            env.putAll(RepoFiles.envFile(path));
        }
        Object environment = service.get("environment");
        if (environment instanceof Map<?, ?> map) {
            map.forEach((k, v) -> env.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
        } else if (environment instanceof List<?> list) {
            for (Object item : list) {
                String s = String.valueOf(item);
                int eq = s.indexOf('=');
                env.put(eq < 0 ? s : s.substring(0, eq), eq < 0 ? "" : s.substring(eq + 1));
            }
        }
        return env;
    }
}
