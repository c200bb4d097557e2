package io.artstore.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** deploy/grafana: dashboards are valid JSON with queries over ArtStore metrics; provisioning parses. */
class GrafanaDashboardTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void dashboardsParseAndEveryPanelQueriesPrometheus() {
        List<Path> dashboards = dashboards();
        assertThat(dashboards).isNotEmpty();
        for (Path file : dashboards) {
            JsonNode dashboard = JSON.readTree(RepoFiles.read(file));
            assertThat(dashboard.path("uid").asString()).as("%s uid", file).isNotBlank();
            assertThat(dashboard.path("title").asString()).as("%s title", file).isNotBlank();
            Set<Integer> ids = new HashSet<>();
            List<JsonNode> panels = panels(dashboard);
            assertThat(panels).as("%s panels", file).isNotEmpty();
            for (JsonNode panel : panels) {
                assertThat(ids.add(panel.path("id").asInt())).as("%s: panel id %s unique", file, panel.path("id")).isTrue();
                if (panel.path("type").asString().equals("row")) {
                    continue;
                }
                assertThat(panel.path("targets").isArray() && !panel.path("targets").isEmpty())
                        .as("%s: panel '%s' has queries", file, panel.path("title").asString()).isTrue();
                for (JsonNode target : panel.path("targets")) {
                    assertThat(target.path("expr").asString()).as("%s: panel '%s' expr", file, panel.path("title").asString())
                            .isNotBlank();
                }
            }
        }
    }

    @Test
    void panelsReadOnlyArtStoreMetricFamilies() {
        for (Path file : dashboards()) {
            for (String expr : expressions(JSON.readTree(RepoFiles.read(file)))) {
                for (String metric : PromQl.metricNames(expr)) {
                    assertThat(MetricCatalog.known(metric)).as("%s reads unknown metric %s in %s", file, metric, expr).isTrue();
                }
            }
        }
    }

    @Test
    void provisioningParses() {
        Map<String, Object> datasources = RepoFiles.yamlMap(RepoFiles.resolve("deploy/grafana/provisioning/datasources/prometheus.yml"));
        assertThat((List<?>) datasources.get("datasources")).isNotEmpty();
        Map<String, Object> providers = RepoFiles.yamlMap(RepoFiles.resolve("deploy/grafana/provisioning/dashboards/artstore.yml"));
        assertThat((List<?>) providers.get("providers")).isNotEmpty();
    }

    /** Every PromQL expression of a dashboard's panels (used by the live-metrics test too). */
    static List<String> expressions(JsonNode dashboard) {
        List<String> exprs = new ArrayList<>();
        for (JsonNode panel : panels(dashboard)) {
            for (JsonNode target : panel.path("targets")) {
                if (!target.path("expr").asString().isBlank()) {
                    exprs.add(target.path("expr").asString());
                }
            }
        }
        return exprs;
    }

    static List<JsonNode> panels(JsonNode dashboard) {
        List<JsonNode> panels = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            panels.add(panel);
            panel.path("panels").forEach(panels::add); // collapsed rows nest their panels
        }
        return panels;
    }

    static List<Path> dashboards() {
        try (Stream<Path> files = Files.list(RepoFiles.resolve("deploy/grafana/dashboards"))) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
