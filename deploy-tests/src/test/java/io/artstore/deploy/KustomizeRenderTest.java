package io.artstore.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Renders the kustomize overlays with {@code kubectl kustomize} (skipped where kubectl is
 * absent; .ci/run renders them regardless) and checks what issue 10 asks of the manifests.
 */
@SuppressWarnings("unchecked")
class KustomizeRenderTest {

    private static final Set<String> SERVICES = Set.of("admin-module", "ingester-module", "query-module", "admin-ui");
    private static final Map<String, List<Map<String, Object>>> RENDERED = new LinkedHashMap<>();

    @BeforeAll
    static void kubectlPresent() {
        assumeTrue(kubectl("version", "--client").isPresent(), "kubectl not found: manifests not rendered here");
    }

    @ParameterizedTest
    @ValueSource(strings = {"deploy/k8s/overlays/dev", "deploy/k8s/overlays/prod", "deploy/k8s/standalone-se"})
    void everyArtStoreWorkloadHasProbesScrapeAnnotationsAndRunsAsNonRoot(String dir) {
        List<Map<String, Object>> workloads = objects(dir, "Deployment", "StatefulSet").stream()
                .filter(w -> image(w).startsWith("artstore/")).toList();
        assertThat(workloads).isNotEmpty();
        for (Map<String, Object> workload : workloads) {
            String name = name(workload);
            Map<String, Object> template = map(map(workload, "spec"), "template");
            Map<String, Object> container = container(workload);
            assertThat(probePath(container, "startupProbe")).as("%s startup probe", name).isEqualTo("/health/live");
            assertThat(probePath(container, "livenessProbe")).as("%s liveness probe", name).isEqualTo("/health/live");
            assertThat(probePath(container, "readinessProbe")).as("%s readiness probe", name).isEqualTo("/health/ready");

            Map<String, Object> annotations = map(map(template, "metadata"), "annotations");
            assertThat(annotations).as("%s scrape annotations", name)
                    .containsEntry("prometheus.io/scrape", "true").containsEntry("prometheus.io/path", "/metrics");
            Object port = ((List<Map<String, Object>>) container.get("ports")).getFirst().get("containerPort");
            assertThat(annotations.get("prometheus.io/port")).as("%s scrape port", name).isEqualTo(String.valueOf(port));

            assertThat(map(map(template, "spec"), "securityContext")).as("%s pod security", name)
                    .containsEntry("runAsNonRoot", true);
            assertThat(container.get("resources")).as("%s resources", name).isNotNull();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"deploy/k8s/overlays/dev", "deploy/k8s/overlays/prod"})
    void servicesScaleAndSurviveDisruptions(String dir) {
        Set<String> deployments = names(objects(dir, "Deployment").stream().filter(d -> image(d).startsWith("artstore/")).toList());
        assertThat(deployments).containsAll(SERVICES);
        List<Map<String, Object>> hpas = objects(dir, "HorizontalPodAutoscaler");
        assertThat(hpas).allSatisfy(h -> assertThat(h.get("apiVersion")).isEqualTo("autoscaling/v2"));
        assertThat(hpas).extracting(h -> map(map(h, "spec"), "scaleTargetRef").get("name"))
                .containsExactlyInAnyOrder("ingester-module", "query-module");
        assertThat(names(objects(dir, "PodDisruptionBudget"))).containsAll(SERVICES);
        assertThat(names(objects(dir, "Service"))).containsAll(SERVICES);
    }

    @ParameterizedTest
    @ValueSource(strings = {"deploy/k8s/overlays/dev", "deploy/k8s/overlays/prod", "deploy/k8s/standalone-se"})
    void storageElementsAreStatefulSetsWithVolumesHeadlessServicesAndCertificates(String dir) {
        List<Map<String, Object>> ses = objects(dir, "StatefulSet").stream()
                .filter(s -> image(s).startsWith("artstore/storage-element")).toList();
        assertThat(ses).isNotEmpty();
        Map<String, Map<String, Object>> services = new LinkedHashMap<>();
        objects(dir, "Service").forEach(s -> services.put(name(s), s));
        Set<String> certificateSecrets = new TreeSet<>();
        objects(dir, "Certificate").forEach(c -> certificateSecrets.add((String) map(c, "spec").get("secretName")));
        for (Map<String, Object> se : ses) {
            Map<String, Object> spec = map(se, "spec");
            List<Map<String, Object>> claims = (List<Map<String, Object>>) spec.get("volumeClaimTemplates");
            assertThat(claims).extracting(c -> map(c, "metadata").get("name")).contains("data", "wal");
            Map<String, Object> headless = services.get((String) spec.get("serviceName"));
            assertThat(headless).as("headless service of %s", name(se)).isNotNull();
            assertThat(map(headless, "spec").get("clusterIP")).isEqualTo("None");
            List<Map<String, Object>> volumes = (List<Map<String, Object>>) map(map(spec, "template"), "spec").get("volumes");
            String tlsSecret = volumes.stream().filter(v -> v.containsKey("secret"))
                    .map(v -> (String) map(v, "secret").get("secretName")).findFirst().orElseThrow();
            assertThat(certificateSecrets).as("cert-manager Certificate for %s", name(se)).contains(tlsSecret);
            Map<String, String> env = environment(dir, container(se));
            assertThat(env).containsKeys("SE_TLS_CERT", "SE_TLS_KEY", "SE_STORAGE_ID", "SE_DATA_DIR", "SE_WAL_DIR",
                    "SE_JWKS_URL");
        }
    }

    @Test
    void onlyIngesterQueryAndAdminReachStorageElementsAndOnlyAdminAndQueryReachPostgres() {
        Map<String, Map<String, Object>> policies = new LinkedHashMap<>();
        objects("deploy/k8s/overlays/dev", "NetworkPolicy").forEach(p -> policies.put(name(p), p));
        assertThat(podSources(policies.get("storage-element-ingress")))
                .containsExactlyInAnyOrder("admin-module", "ingester-module", "query-module");
        assertThat(podSources(policies.get("postgresql-ingress"))).containsExactlyInAnyOrder("admin-module", "query-module");
        List<Map<String, Object>> egress = (List<Map<String, Object>>) map(policies.get("no-database-egress"), "spec").get("egress");
        assertThat(egress).allSatisfy(rule -> assertThat((List<Map<String, Object>>) rule.get("ports"))
                .noneSatisfy(port -> assertThat(port.get("port")).isEqualTo(5432)));
    }

    @Test
    void gatewayRoutesTheApiAndAnswersCors() {
        Map<String, Object> route = objects("deploy/k8s/overlays/prod", "HTTPRoute").getFirst();
        Map<String, String> backendByMatch = new LinkedHashMap<>();
        for (Map<String, Object> rule : (List<Map<String, Object>>) map(route, "spec").get("rules")) {
            String backend = (String) ((List<Map<String, Object>>) rule.get("backendRefs")).getFirst().get("name");
            for (Map<String, Object> match : (List<Map<String, Object>>) rule.get("matches")) {
                Map<String, Object> path = map(match, "path");
                backendByMatch.put(Objects.toString(match.get("method"), "*") + " " + path.get("type") + " " + path.get("value"), backend);
            }
            if (!backend.equals("admin-ui")) {
                assertThat((List<Map<String, Object>>) rule.get("filters")).as("CORS on the API route to %s", backend)
                        .anySatisfy(f -> assertThat(f.get("type")).isEqualTo("CORS"));
            }
        }
        assertThat(backendByMatch)
                .containsEntry("POST Exact /api/v1/files/upload", "ingester-module")
                .containsEntry("* PathPrefix /api/v1/search", "query-module")
                .containsEntry("GET PathPrefix /api/v1/files", "query-module")
                .containsEntry("* PathPrefix /api/v1", "admin-module")
                .containsEntry("* PathPrefix /", "admin-ui");
    }

    @Test
    void prodReadsAnExternalPostgres() {
        for (Map<String, Object> deployment : objects("deploy/k8s/overlays/prod", "Deployment")) {
            if (Set.of("admin-module", "query-module").contains(name(deployment))) {
                assertThat(secretRefs(container(deployment))).contains("artstore-postgres-external").doesNotContain("artstore-db");
            }
        }
        assertThat(names(objects("deploy/k8s/overlays/prod", "StatefulSet"))).doesNotContain("postgresql");
    }

    @Test
    void devServicesGetEveryVariableTheirReadmeRequires() {
        String dir = "deploy/k8s/overlays/dev";
        for (Map<String, Object> workload : objects(dir, "Deployment", "StatefulSet")) {
            String image = image(workload);
            if (!image.startsWith("artstore/")) {
                continue;
            }
            String module = image.substring("artstore/".length()).replaceAll(":.*", "");
            String readme = RepoFiles.read(RepoFiles.resolve(module + "/README.md"));
            if (ModuleReadme.environmentVariables(readme).isEmpty()) {
                System.out.printf("NOTE: %s/README.md has no environment table yet; %s not checked against it%n", module, name(workload));
                continue;
            }
            Set<String> missing = new TreeSet<>(ModuleReadme.requiredVariables(readme));
            missing.removeAll(environment(dir, container(workload)).keySet());
            assertThat(missing).as("variables required by %s/README.md missing from %s", module, name(workload)).isEmpty();
        }
    }

    // ---- rendering and navigation ----

    static List<Map<String, Object>> render(String dir) {
        return RENDERED.computeIfAbsent(dir, d -> {
            String yaml = kubectl("kustomize", RepoFiles.resolve(d).toString())
                    .orElseThrow(() -> new AssertionError("kubectl kustomize " + d + " failed"));
            List<Map<String, Object>> docs = new ArrayList<>();
            for (Object doc : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(yaml)) {
                if (doc instanceof Map<?, ?> m) {
                    docs.add((Map<String, Object>) m);
                }
            }
            return docs;
        });
    }

    static List<Map<String, Object>> objects(String dir, String... kinds) {
        Set<String> wanted = Set.of(kinds);
        return render(dir).stream().filter(o -> wanted.contains(o.get("kind"))).toList();
    }

    /** Environment of a container: env values, rendered ConfigMaps and (generated) Secrets it imports. */
    static Map<String, String> environment(String dir, Map<String, Object> container) {
        Map<String, Map<String, Object>> data = new LinkedHashMap<>();
        for (Map<String, Object> o : objects(dir, "ConfigMap", "Secret")) {
            Map<String, Object> values = new LinkedHashMap<>();
            Optional.ofNullable((Map<String, Object>) o.get("data")).ifPresent(values::putAll);
            data.put(o.get("kind") + "/" + name(o), values);
        }
        Map<String, String> env = new LinkedHashMap<>();
        for (Map<String, Object> from : (List<Map<String, Object>>) container.getOrDefault("envFrom", List.of())) {
            String prefix = Objects.toString(from.get("prefix"), "");
            String key = from.containsKey("configMapRef") ? "ConfigMap/" + map(from, "configMapRef").get("name")
                    : "Secret/" + map(from, "secretRef").get("name");
            data.getOrDefault(key, Map.of()).forEach((k, v) -> env.put(prefix + k, String.valueOf(v)));
        }
        for (Map<String, Object> e : (List<Map<String, Object>>) container.getOrDefault("env", List.of())) {
            env.put((String) e.get("name"), Objects.toString(e.get("value"), ""));
        }
        return env;
    }

    static Set<String> secretRefs(Map<String, Object> container) {
        Set<String> names = new TreeSet<>();
        for (Map<String, Object> from : (List<Map<String, Object>>) container.getOrDefault("envFrom", List.of())) {
            if (from.containsKey("secretRef")) {
                names.add((String) map(from, "secretRef").get("name"));
            }
        }
        return names;
    }

    static Set<String> podSources(Map<String, Object> policy) {
        Set<String> apps = new TreeSet<>();
        assertThat(policy).isNotNull();
        for (Map<String, Object> rule : (List<Map<String, Object>>) map(policy, "spec").get("ingress")) {
            for (Map<String, Object> peer : (List<Map<String, Object>>) rule.getOrDefault("from", List.of())) {
                if (!peer.containsKey("podSelector")) {
                    continue; // namespace peers (monitoring) are checked by their own comment
                }
                Map<String, Object> selector = map(peer, "podSelector");
                for (Map<String, Object> expr : (List<Map<String, Object>>) selector.getOrDefault("matchExpressions", List.of())) {
                    if ("app.kubernetes.io/name".equals(expr.get("key")) && "In".equals(expr.get("operator"))) {
                        apps.addAll((List<String>) expr.get("values"));
                    }
                }
                Optional.ofNullable((Map<String, Object>) selector.get("matchLabels"))
                        .map(l -> (String) l.get("app.kubernetes.io/name")).ifPresent(apps::add);
            }
        }
        return apps;
    }

    static Map<String, Object> container(Map<String, Object> workload) {
        Map<String, Object> podSpec = map(map(map(workload, "spec"), "template"), "spec");
        return ((List<Map<String, Object>>) podSpec.get("containers")).getFirst();
    }

    static String image(Map<String, Object> workload) {
        return String.valueOf(container(workload).get("image"));
    }

    static String probePath(Map<String, Object> container, String probe) {
        Map<String, Object> p = map(container, probe);
        return p == null ? null : (String) map(p, "httpGet").get("path");
    }

    static String name(Map<String, Object> object) {
        return (String) map(object, "metadata").get("name");
    }

    static Set<String> names(List<Map<String, Object>> objects) {
        Set<String> names = new TreeSet<>();
        objects.forEach(o -> names.add(name(o)));
        return names;
    }

    static Map<String, Object> map(Map<String, Object> parent, String key) {
        return parent == null ? null : (Map<String, Object>) parent.get(key);
    }

    static Optional<String> kubectl(String... args) {
        List<String> command = new ArrayList<>();
        command.add("kubectl");
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
            byte[] out = process.getInputStream().readAllBytes();
            byte[] err = process.getErrorStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.empty();
            }
            if (process.exitValue() != 0) {
                System.err.println(String.join(" ", command) + ": " + new String(err, StandardCharsets.UTF_8));
                return Optional.empty();
            }
            return Optional.of(new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
